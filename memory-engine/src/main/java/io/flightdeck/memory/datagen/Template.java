package io.flightdeck.memory.datagen;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with {@code {slot}} holes, parsed once (at class initialisation of the tables that hold it) so
 * rendering a million of them is a few appends, not a regex. A misspelt slot fails at parse time.
 */
final class Template {

    private final String[] literals;
    private final Slot[] slots;
    private final int sizeHint;

    private Template(String[] literals, Slot[] slots, int sizeHint) {
        this.literals = literals;
        this.slots = slots;
        this.sizeHint = sizeHint;
    }

    static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int i = 0;
        StringBuilder lit = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && isSlotName(text, i + 1, close)) {
                literals.add(lit.toString());
                lit.setLength(0);
                slots.add(Slot.byName(text.substring(i + 1, close)));
                i = close + 1;
            } else {
                lit.append(c);
                i++;
            }
        }
        literals.add(lit.toString());
        return new Template(literals.toArray(String[]::new), slots.toArray(Slot[]::new), text.length() + 16 * slots.size());
    }

    static List<Template> parseAll(String... texts) {
        List<Template> out = new ArrayList<>(texts.length);
        for (String t : texts) {
            out.add(parse(t));
        }
        return List.copyOf(out);
    }

    /** Only lower-case letters, digits and '_' make a slot; "{id}" in "/orders/{id}" does not parse as one. */
    private static boolean isSlotName(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        String name = text.substring(from, to);
        for (Slot s : Slot.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        if (name.equals("id")) {
            return false;
        }
        throw new IllegalArgumentException("unknown slot {" + name + "} in template: " + text);
    }

    String render(TaskSubject subject) {
        StringBuilder sb = new StringBuilder(sizeHint);
        renderInto(sb, subject);
        return sb.toString();
    }

    void renderInto(StringBuilder sb, TaskSubject subject) {
        for (int i = 0; i < slots.length; i++) {
            sb.append(literals[i]).append(subject.get(slots[i]));
        }
        sb.append(literals[slots.length]);
    }
}
