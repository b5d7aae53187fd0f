package ru.nso.wg.calendar;

/**
 * The bytes of one data file and where they came from.
 *
 * @param source   how a person finds the file: its absolute path, or {@code classpath:calendar/<year>.json}
 * @param fileName the file's own name, {@code <year>.json}
 * @param content  the file's content (UTF-8 JSON)
 */
public record CalendarSource(String source, String fileName, byte[] content) {
}
