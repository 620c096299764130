package org.controlmap.geodata.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class NaturalEarthExtractTest {

    @Test
    void numbersAreTheShortestDecimalThatReadsBackExactly() {
        assertThat(NaturalEarthExtract.number(-180)).isEqualTo("-180");
        assertThat(NaturalEarthExtract.number(30.5)).isEqualTo("30.5");
        assertThat(NaturalEarthExtract.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(NaturalEarthExtract.number(1e-7)).isEqualTo("0.0000001");
        assertThat(NaturalEarthExtract.number(-58.20012361999997)).isEqualTo("-58.20012361999997");
        assertThat(NaturalEarthExtract.number(44.3809814453125)).isEqualTo("44.3809814453125");
        assertThat(NaturalEarthExtract.number(1.0 / 3)).isEqualTo("0.3333333333333333");
        for (double d : new double[] {33.61507938700012, 47.99999999999999, -0.000012345678901234567}) {
            assertThat(Double.parseDouble(NaturalEarthExtract.number(d))).isEqualTo(d);
        }
    }

    @Test
    void featureCollectionHasOneFeaturePerLineInPropertyOrder() {
        GeometryFactory gf = new GeometryFactory();
        Polygon square = gf.createPolygon(new Coordinate[] {
            new Coordinate(30, 50), new Coordinate(31, 50), new Coordinate(31, 51), new Coordinate(30, 51),
            new Coordinate(30, 50)});
        Map<String, String> props = new LinkedHashMap<>();
        props.put("iso_3166_2", "UA-99");
        props.put("name_uk", "Тест \"лапки\"");
        String json = NaturalEarthExtract.featureCollection(List.of(
                new NaturalEarthExtract.Feature(props, square),
                new NaturalEarthExtract.Feature(props, gf.createMultiPolygon(new Polygon[] {square}))));
        String feature = "{\"type\":\"Feature\",\"properties\":"
                + "{\"iso_3166_2\":\"UA-99\",\"name_uk\":\"Тест \\\"лапки\\\"\"},";
        assertThat(json.split("\n")).containsExactly(
                "{\"type\":\"FeatureCollection\",\"features\":[",
                feature + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[30,50],[31,50],[31,51],[30,51],[30,50]]]}},",
                feature + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
                        + "[[[[30,50],[31,50],[31,51],[30,51],[30,50]]]]}}",
                "]}");
    }
}
