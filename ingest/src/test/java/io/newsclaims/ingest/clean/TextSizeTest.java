package io.newsclaims.ingest.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextSizeTest {
    @Test
    void hanAndKanaWeighAsTheLettersTheirMeaningTakes() {
        assertEquals(11, TextSize.length("cloud share"), "Latin text: its length");
        assertEquals(10, TextSize.of("cloud share"), "whitespace aside");
        assertEquals(4 * TextSize.CJK_WEIGHT + 1, TextSize.length("市场份额，"), "the full-width comma is one character");
        assertEquals(2 * TextSize.CJK_WEIGHT + 3, TextSize.of("份额 35%\u00a0"));
        assertEquals(2 * TextSize.CJK_WEIGHT, TextSize.of("シェア".substring(0, 2)));
    }

    @Test
    void commasOfEveryScript() {
        assertTrue(TextSize.isComma(','));
        assertTrue(TextSize.isComma('，'));
        assertTrue(TextSize.isComma('\u060c'));
        assertFalse(TextSize.isComma('。'));
        assertFalse(TextSize.isComma('、'));
    }
}
