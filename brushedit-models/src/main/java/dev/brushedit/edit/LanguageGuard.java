package dev.brushedit.edit;

import dev.brushedit.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rejects instructions that are not English: any letter outside the Latin script, or a Latin-script
 * instruction with at least two words from one of the Spanish, French, German, Italian or
 * Portuguese lists below and more of them than English function words. Words that are also common
 * English ("a", "die", "den", "me", "come") are left out of the lists. Thread-safety: stateless.
 */
final class LanguageGuard {
    private static final Map<String, Set<String>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("Spanish", Set.of("el", "la", "los", "las", "del", "al", "una", "un", "y", "por", "favor", "quita", "quitar",
                "elimina", "eliminar", "borra", "borrar", "añade", "agrega", "añadir", "agregar", "pon", "cambia", "cambiar",
                "haz", "hazlo", "perro", "gato", "fondo", "rojo", "azul", "coche", "imagen", "foto", "sombrero", "con", "en", "que", "es"));
        WORDS.put("French", Set.of("le", "les", "du", "des", "une", "et", "avec", "sur", "dans", "supprime", "supprimer",
                "enlève", "enleve", "enlever", "ajoute", "ajouter", "mets", "change", "changer", "remplace", "remplacer", "rends",
                "chien", "chat", "fond", "rouge", "bleu", "voiture", "s'il", "plaît", "plait", "l'image", "arrière-plan", "ce", "cette"));
        WORDS.put("German", Set.of("der", "das", "dem", "des", "ein", "eine", "einen", "und", "mit", "bitte", "entferne",
                "entfernen", "lösche", "füge", "hinzu", "ändere", "ersetze", "mache", "mach", "hund", "katze", "hintergrund",
                "rot", "blau", "auto", "bild", "durch", "zu", "ist", "im", "auf"));
        WORDS.put("Italian", Set.of("il", "lo", "gli", "della", "dello", "una", "uno", "e", "con", "per", "rimuovi",
                "rimuovere", "elimina", "togli", "aggiungi", "metti", "cambia", "sostituisci", "rendi", "cane", "gatto",
                "sfondo", "rosso", "blu", "macchina", "immagine", "favore", "nel", "sul"));
        WORDS.put("Portuguese", Set.of("o", "os", "um", "uma", "da", "dos", "das", "e", "com", "por", "favor",
                "remova", "remover", "apague", "adicione", "coloque", "mude", "troque", "substitua", "faça", "cachorro", "cão",
                "gato", "fundo", "vermelho", "azul", "carro", "imagem", "no", "na"));
    }

    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "of", "to", "in", "on", "with", "and", "it", "is",
            "from", "into", "make", "remove", "add", "change", "replace", "turn", "put", "please", "this", "that", "by",
            "for", "at", "my", "background", "image", "photo", "picture");

    private LanguageGuard() {}

    /** Throws when {@code instruction} is not English. */
    static void check(String instruction, List<String> words) {
        String script = nonLatinScript(instruction);
        if (script != null) {
            throw unsupported(instruction, "it is written in the " + script + " script");
        }
        int english = 0;
        for (String w : words) {
            if (ENGLISH.contains(w)) {
                english++;
            }
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Set<String>> e : WORDS.entrySet()) {
            int hits = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = e.getKey();
                bestHits = hits;
            }
        }
        if (bestHits >= 2 && bestHits > english) {
            throw unsupported(instruction, "it looks like " + best);
        }
    }

    private static String nonLatinScript(String s) {
        if (s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA)) {
            return "Japanese";
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                    && script != Character.UnicodeScript.INHERITED) {
                return scriptName(script);
            }
        }
        return null;
    }

    private static String scriptName(Character.UnicodeScript script) {
        switch (script) {
            case HAN:
                return "Han (Chinese or Japanese)";
            case HIRAGANA:
            case KATAKANA:
                return "Japanese";
            case HANGUL:
                return "Korean (Hangul)";
            case CYRILLIC:
                return "Cyrillic";
            default:
                String n = script.name().toLowerCase(java.util.Locale.ROOT);
                return Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }
    }

    private static InvalidInputException unsupported(String instruction, String why) {
        return new UnsupportedEditException(null, "only English instructions are supported by the offline instructor, and \""
                + instruction + "\" is not English (" + why + ")", UnsupportedEditException.Remedy.LANGUAGE_MODEL,
                "use OpenAiInstructor (dev.brushedit.edit.OpenAiInstructor) for instructions in other languages, or translate "
                        + "the instruction");
    }
}
