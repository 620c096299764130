package org.controlmap.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegionSuggestTest {
    private static final RegionCatalogue CAT = RegionCatalogue.bundled();

    @Test
    void nearNamesAreStillSuggested() {
        assertThat(CAT.suggest("Zaporizhzia")).hasValue("UA-23 Zaporizhzhia");
        assertThat(CAT.suggest("Atlantis")).isEmpty();
    }

    @Test
    void aMegabyteNameIsAnsweredAtOnceWithoutSuggestion() {
        // Unbounded, the edit distance of a 3.5 MB name to every known name took over a minute.
        String huge = "Zaporizhzhia".repeat(300_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CAT.suggest(huge))).isEmpty();
        String long1 = "x".repeat(RegionCatalogue.MAX_SUGGEST_LENGTH);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CAT.suggest(long1))).isEmpty();
    }
}
