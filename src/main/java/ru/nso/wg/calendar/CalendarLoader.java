package ru.nso.wg.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link WorkingDayCalendar} from the bundled year files and the administrator's directory, where a file
 * overrides the bundled file of the same year. Every file is validated; one bad file refuses the whole set.
 */
public final class CalendarLoader {

  private CalendarLoader() {
  }

  /**
   * @param bundled   the files shipped with the application
   * @param overrides the files of the administrator's directory (see {@link #readDirectory(Path)})
   * @throws CalendarDataException when any file is invalid
   */
  public static WorkingDayCalendar load(List<CalendarSource> bundled, List<CalendarSource> overrides) {
    Map<Integer, CalendarYear> years = new TreeMap<>();
    Map<Integer, String> sources = new TreeMap<>();
    for (CalendarSource file : bundled) {
      CalendarYear year = CalendarFileReader.read(file.source(), file.fileName(), file.content());
      String previous = sources.put(year.year(), file.source());
      if (previous != null) {
        throw new CalendarDataException("Производственный календарь на " + year.year()
            + " год задан дважды среди файлов приложения: «" + previous + "» и «" + file.source() + "»");
      }
      years.put(year.year(), year);
    }
    for (CalendarSource file : overrides) {
      CalendarYear year = CalendarFileReader.read(file.source(), file.fileName(), file.content());
      years.put(year.year(), year);
      sources.put(year.year(), file.source());
    }
    return new WorkingDayCalendar(years, sources);
  }

  /**
   * Reads the {@code *.json} files of the administrator's directory (not its subdirectories). Other files and
   * hidden files (editor backups, notes) are ignored; a missing directory means "no overrides".
   *
   * @throws CalendarDataException when the path is not a directory or a file cannot be read
   */
  public static List<CalendarSource> readDirectory(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    if (!Files.exists(dir)) {
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      throw new CalendarDataException("Каталог производственного календаря «" + dir + "» — не каталог, а файл");
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new CalendarDataException("Каталог производственного календаря «" + dir + "» не удалось прочитать: "
          + e.getMessage(), e);
    }
    List<CalendarSource> sources = new ArrayList<>();
    for (Path file : files) {
      try {
        sources.add(new CalendarSource(file.toString(), file.getFileName().toString(), Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new CalendarDataException("Файл производственного календаря «" + file + "» не удалось прочитать: "
            + e.getMessage(), e);
      }
    }
    return sources;
  }
}
