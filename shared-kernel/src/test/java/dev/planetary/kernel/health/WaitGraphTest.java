package dev.planetary.kernel.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaitGraphTest {

    @Test
    void nobody_waits_no_tree() {
        WaitGraph graph = WaitGraph.of(List.of(session(1), session(2)));
        assertThat(graph.isEmpty()).isTrue();
        assertThat(graph.edges()).isEmpty();
    }

    @Test
    void a_chain_hangs_under_the_session_that_waits_for_nobody() {
        // 3 waits for 2, which waits for 1
        WaitGraph graph = WaitGraph.of(List.of(session(1), session(2, 1), session(3, 2), session(4)));
        assertThat(graph.roots()).hasSize(1);
        WaitGraph.Node root = graph.roots().get(0);
        assertThat(root.session().pid()).isEqualTo(1);
        assertThat(root.waitingInAll()).isEqualTo(2);
        assertThat(root.waiting().get(0).session().pid()).isEqualTo(2);
        assertThat(root.waiting().get(0).waiting().get(0).session().pid()).isEqualTo(3);
    }

    @Test
    void a_session_waiting_for_two_is_placed_once_and_keeps_both_edges() {
        WaitGraph graph = WaitGraph.of(List.of(session(1), session(2), session(3, 1, 2)));
        assertThat(graph.roots()).extracting(node -> node.session().pid()).containsExactly(1);
        assertThat(graph.edges()).containsExactly(new WaitGraph.Edge(3, 1), new WaitGraph.Edge(3, 2));
    }

    @Test
    void a_blocker_outside_the_list_is_an_edge_without_a_node() {
        // pg_blocking_pids may name a session this list does not hold (it ended, or is not a client backend)
        WaitGraph graph = WaitGraph.of(List.of(session(5, 99)));
        assertThat(graph.roots()).isEmpty();
        assertThat(graph.edges()).containsExactly(new WaitGraph.Edge(5, 99));
    }

    @Test
    void a_cycle_not_yet_broken_starts_at_its_smallest_pid() {
        WaitGraph graph = WaitGraph.of(List.of(session(8, 7), session(7, 8)));
        assertThat(graph.roots()).extracting(node -> node.session().pid()).containsExactly(7);
        assertThat(graph.roots().get(0).waitingInAll()).isEqualTo(1);
    }

    private static SessionActivity session(int pid, Integer... blockedBy) {
        return new SessionActivity(pid, "app", "role" + pid, "psql", null, blockedBy.length > 0 ? "active" : "idle in transaction",
                blockedBy.length > 0 ? "Lock" : null, blockedBy.length > 0 ? "relation" : null, null, null, null, "SELECT 1",
                List.of(blockedBy), null);
    }
}
