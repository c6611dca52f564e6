package io.flightdeck.harness.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    static final SvgChart.Axis LINEAR = new SvgChart.Axis("x", SvgChart.Scale.LINEAR,
            v -> String.format(Locale.ROOT, "%.1f", v));
    static final SvgChart.Axis LOG = new SvgChart.Axis("y", SvgChart.Scale.LOG,
            v -> String.format(Locale.ROOT, "%.0f", v));

    static Element render(SvgChart chart) {
        return chart.appendTo(Document.createShell("").body());
    }

    @Test
    void everyDrawablePointIsACircleWithItsValuesAsTitle() {
        SvgChart chart = new SvgChart("t", LINEAR, LOG)
                .add(new SvgChart.Series("a", List.of(new double[]{1, 10}, new double[]{2, 100}), true))
                .add(new SvgChart.Series("b", List.of(new double[]{1, 0}, new double[]{2, 1000}), false));
        Element figure = render(chart);
        // b's zero cannot sit on a log axis and is left out, not drawn at an invented place
        assertThat(figure.select("circle.point")).hasSize(3);
        assertThat(figure.select("circle.point title").eachText()).contains("a: 1.0, 10", "b: 2.0, 1000");
        assertThat(figure.select("polyline")).hasSize(1);
        assertThat(figure.select("ul.legend li").eachText()).containsExactly("a", "b");
    }

    @Test
    void aChartWithNothingToDrawSaysSo() {
        SvgChart empty = new SvgChart("t", LINEAR, LOG).add(new SvgChart.Series("a",
                List.of(new double[]{1, 0}, new double[]{2, -5}), true));
        assertThat(empty.hasData()).isFalse();
        assertThat(new SvgChart("t", LINEAR, LOG).hasData()).isFalse();
    }

    @Test
    void namesAreTextInTheSvg() {
        SvgChart chart = new SvgChart("<script>x</script>", LINEAR, LINEAR)
                .add(new SvgChart.Series("<img src=x>", List.<double[]>of(new double[]{1, 1}), false));
        Element figure = render(chart);
        assertThat(figure.select("script, img")).isEmpty();
        assertThat(figure.outerHtml()).contains("&lt;img src=x&gt;").contains("&lt;script&gt;");
    }

    @Test
    void logTicksArePowersOfTenAndLinearTicksRoundSteps() {
        assertThat(SvgChart.ticks(LOG, new SvgChart.Range(0.5, 3.2))).containsExactly(10.0, 100.0, 1000.0);
        assertThat(SvgChart.ticks(LINEAR, new SvgChart.Range(0, 100))).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0,
                100.0);
    }

    @Test
    void byteAxesTickAtRoundMebibytes() {
        SvgChart.Axis bytes = SvgChart.Axis.bytes("heap", v -> "");
        double mib = 1024 * 1024;
        assertThat(SvgChart.ticks(bytes, new SvgChart.Range(0, 19.1 * mib)))
                .containsExactly(0.0, 5 * mib, 10 * mib, 15 * mib);
    }

    @Test
    void aLongSeriesIsThinnedButKeepsItsPeakAndTrough() {
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            points.add(new double[]{i, i == 77_777 ? 1e9 : i == 12_345 ? -1e9 : i % 100});
        }
        List<double[]> kept = SvgChart.decimate(points, SvgChart.MAX_POINTS);
        assertThat(kept.size()).isLessThanOrEqualTo(SvgChart.MAX_POINTS);
        assertThat(kept).anySatisfy(p -> assertThat(p[1]).isEqualTo(1e9));
        assertThat(kept).anySatisfy(p -> assertThat(p[1]).isEqualTo(-1e9));
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i)[0]).isGreaterThan(kept.get(i - 1)[0]);
        }
        assertThat(render(new SvgChart("t", LINEAR, LINEAR).add(new SvgChart.Series("s", points, true)))
                .select("circle.point").size()).isLessThanOrEqualTo(SvgChart.MAX_POINTS);
    }

    @Test
    void aByteAxisJustPastAMebibyteStepsInRoundKibibytes() {
        SvgChart.Axis bytes = SvgChart.Axis.bytes("heap", v -> "");
        assertThat(SvgChart.ticks(bytes, new SvgChart.Range(0, 1.04 * 1024 * 1024)))
                .allSatisfy(t -> assertThat(t % (100 * 1024)).isZero())
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aStandaloneSvgIsAnXmlDocumentWithItsTitleAndLegend() throws Exception {
        SvgChart chart = new SvgChart("p95 of <lifecycle> & co", LINEAR, LINEAR)
                .add(new SvgChart.Series("runs", List.of(new double[]{1, 2}, new double[]{2, 3}),
                        SvgChart.Style.LINE, "#3366cc"))
                .add(new SvgChart.Series("other", List.<double[]>of(new double[]{1.5, 2.5}),
                        SvgChart.Style.HOLLOW_POINTS, null));
        String svg = chart.standaloneSvg();
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // the line alone draws no point; the hollow one is outlined
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(1);
        assertThat(svg).contains("fill=\"none\"", "p95 of &lt;lifecycle&gt; &amp; co", ">runs<", ">other<");
    }

    @Test
    void aNarrowLogAxisStillGetsSeveralTicks() {
        // p95 between 4.1 and 4.6 ms: no power of ten, nor 2 or 5 times one, falls inside
        List<Double> ticks = SvgChart.ticks(LOG, new SvgChart.Range(Math.log10(4.1e6), Math.log10(4.6e6)));
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(t -> assertThat(t).isBetween(4.1e6, 4.6e6));
    }
}
