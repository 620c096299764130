package org.controlmap.geodata.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RomanizationTest {

    @Test
    void kmu2010GivesTheNamesNewsDesksWrite() {
        // Examples from the KMU 2010 table and Ukraine's official English names.
        assertThat(Romanization.kmu2010("Київ")).isEqualTo("Kyiv");
        assertThat(Romanization.kmu2010("Запоріжжя")).isEqualTo("Zaporizhzhia");
        assertThat(Romanization.kmu2010("Миколаїв")).isEqualTo("Mykolaiv");
        assertThat(Romanization.kmu2010("Слов’янськ")).isEqualTo("Sloviansk");
        assertThat(Romanization.kmu2010("Кропивницький")).isEqualTo("Kropyvnytskyi");
        assertThat(Romanization.kmu2010("Згурівка")).isEqualTo("Zghurivka");
        assertThat(Romanization.kmu2010("Яготин")).isEqualTo("Yahotyn");
        assertThat(Romanization.kmu2010("Їжакевич")).isEqualTo("Yizhakevych");
        assertThat(Romanization.kmu2010("Подвисоке")).isEqualTo("Podvysoke");
        assertThat(Romanization.kmu2010("Єнакієве")).isEqualTo("Yenakiieve");
        assertThat(Romanization.kmu2010("Мар’їнка")).isEqualTo("Marinka");
        assertThat(Romanization.kmu2010("Щорс")).isEqualTo("Shchors");
        assertThat(Romanization.kmu2010("Гола Пристань")).isEqualTo("Hola Prystan");
        assertThat(Romanization.kmu2010("Могилів-Подільський")).isEqualTo("Mohyliv-Podilskyi");
    }

    @Test
    void bgnSystemsGiveGeoNamesOlderSpellings() {
        assertThat(Romanization.bgnUkrainian("Запоріжжя")).isEqualTo("Zaporizhzhya");
        assertThat(Romanization.bgnUkrainian("Кропивницький")).isEqualTo("Kropyvnyts'kyy");
        assertThat(Romanization.bgnRussian("Старый Оскол")).isEqualTo("Staryy Oskol");
        assertThat(Romanization.bgnRussian("Алексеевка")).isEqualTo("Alekseyevka");
        assertThat(Romanization.bgnRussian("Льгов")).isEqualTo("L'gov");
    }

    @Test
    void alphabetAndMarks() {
        assertThat(Romanization.isUkrainianAlphabet("Слов'янськ")).isTrue();
        assertThat(Romanization.isUkrainianAlphabet("Старый Оскол")).isFalse(); // ы
        assertThat(Romanization.isUkrainianAlphabet("Kyiv")).isFalse();
        assertThat(Romanization.isUkrainianAlphabet("Київ 2")).isFalse();
        assertThat(Romanization.hasUkrainianMark("Донецьк")).isFalse();
        assertThat(Romanization.hasUkrainianMark("Ґалаґан")).isTrue();
        assertThat(Romanization.comparable("Slov”yans'k")).isEqualTo("slovyansk");
        assertThat(Romanization.comparable("Mohyliv-Podil’s’kyy")).isEqualTo("mohyliv podilskyy");
    }
}
