package dev.planetary.kernel.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who blocks whom, from the sessions' {@code pg_blocking_pids}: a forest whose roots block others
 * without waiting themselves (the sessions to look at), each waiting session under the first session
 * it waits for. {@link #edges()} keeps every wait, for a session waiting on several. Sessions in a
 * cycle (a deadlock PostgreSQL has not broken yet) have no root: the smallest pid stands in for one.
 */
public record WaitGraph(List<Node> roots, List<Edge> edges) {

    /** A session and those waiting for it (directly). */
    public record Node(SessionActivity session, List<Node> waiting) {
        /** Every session waiting for this one, directly or through others. */
        public int waitingInAll() {
            return waiting.stream().mapToInt(node -> 1 + node.waitingInAll()).sum();
        }
    }

    /** {@code waiter} waits for {@code blocker}. */
    public record Edge(int waiter, int blocker) {
    }

    public static WaitGraph of(List<SessionActivity> sessions) {
        Map<Integer, SessionActivity> byPid = new LinkedHashMap<>();
        sessions.forEach(session -> byPid.put(session.pid(), session));
        List<Edge> edges = new ArrayList<>();
        Map<Integer, List<SessionActivity>> waitingFor = new LinkedHashMap<>();
        for (SessionActivity session : sessions) {
            for (int blocker : session.blockedBy()) {
                edges.add(new Edge(session.pid(), blocker));
            }
            session.blockedBy().stream().filter(byPid::containsKey).findFirst()
                    .ifPresent(first -> waitingFor.computeIfAbsent(first, pid -> new ArrayList<>()).add(session));
        }
        Set<Integer> placed = new LinkedHashSet<>();
        List<Node> roots = new ArrayList<>();
        sessions.stream()
                .filter(session -> waitingFor.containsKey(session.pid()))
                .filter(session -> session.blockedBy().stream().noneMatch(byPid::containsKey))
                .forEach(root -> roots.add(node(root, waitingFor, placed)));
        // what is left waits in a cycle: start from its smallest pid
        sessions.stream().filter(session -> waitingFor.containsKey(session.pid()) && !placed.contains(session.pid()))
                .min(Comparator.comparingInt(SessionActivity::pid))
                .ifPresent(start -> roots.add(node(start, waitingFor, placed)));
        return new WaitGraph(List.copyOf(roots), List.copyOf(edges));
    }

    private static Node node(SessionActivity session, Map<Integer, List<SessionActivity>> waitingFor, Set<Integer> placed) {
        placed.add(session.pid());
        List<Node> children = new ArrayList<>();
        for (SessionActivity waiter : waitingFor.getOrDefault(session.pid(), List.of())) {
            if (!placed.contains(waiter.pid())) {
                children.add(node(waiter, waitingFor, placed));
            }
        }
        return new Node(session, List.copyOf(children));
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }
}
