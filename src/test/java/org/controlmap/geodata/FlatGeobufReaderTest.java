package org.controlmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlatGeobufReaderTest {

    @Test
    void indexSizeCountsEveryLevelAt40BytesANode() {
        assertThat(FlatGeobufReader.indexSize(3, 16)).isEqualTo((3 + 1) * 40);
        assertThat(FlatGeobufReader.indexSize(100, 16)).isEqualTo((100 + 7 + 1) * 40);
        assertThat(FlatGeobufReader.indexSize(1, 16)).isEqualTo((1 + 1) * 40);
        assertThat(FlatGeobufReader.indexSize(300, 2)).isEqualTo((300 + 150 + 75 + 38 + 19 + 10 + 5 + 3 + 2 + 1) * 40L);
    }
}
