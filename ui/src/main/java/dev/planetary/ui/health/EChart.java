package dev.planetary.ui.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.Div;

import java.util.Map;

/**
 * A chart drawn in the browser by Apache ECharts, loaded once per page from its WebJar (the Vaadin
 * bundle cannot take new npm packages here: STACK.md). The server sends the whole option object; the
 * chart follows its box's size.
 */
class EChart extends Div {

    static final String LIBRARY = "/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAW = """
            const el = this;
            const option = JSON.parse($0);
            const draw = () => {
              const chart = echarts.getInstanceByDom(el) || echarts.init(el);
              chart.setOption(option, true);
              if (!el.planetaryResize) { el.planetaryResize = new ResizeObserver(() => chart.resize()); el.planetaryResize.observe(el); }
              el.setAttribute('data-drawn', 'true');
            };
            if (window.echarts) { draw(); return; }
            let script = document.querySelector('script[data-echarts]');
            if (!script) {
              script = document.createElement('script');
              script.src = $1;
              script.setAttribute('data-echarts', 'loading');
              script.addEventListener('load', () => script.setAttribute('data-echarts', 'loaded'));
              document.head.appendChild(script);
            }
            script.addEventListener('load', draw);""";

    private String option;

    EChart(String id) {
        setId(id);
        addClassName("health-chart");
        // drawn again whenever the chart comes back into a page (the browser's element is new)
        addAttachListener(attach -> {
            if (option != null) {
                draw();
            }
        });
    }

    /** Draws (or redraws) the chart with ECharts' option object. */
    void show(Map<String, Object> option) {
        try {
            this.option = JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart option that is not JSON", e);
        }
        // before its attach, the attach draws it: once
        if (isAttached()) {
            draw();
        }
    }

    private void draw() {
        getElement().executeJs(DRAW, option, LIBRARY);
    }
}
