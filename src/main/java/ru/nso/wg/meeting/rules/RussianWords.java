package ru.nso.wg.meeting.rules;

/** The few inflections the rule sentences need. */
final class RussianWords {

  private RussianWords() {
  }

  /** «присутствует 1 / 21», «присутствуют 2 / 9 / 11». */
  static String presentVerb(int count) {
    return endsInOne(count) ? "присутствует" : "присутствуют";
  }

  /** After «из N»: «из 1 / 21 члена», «из 2 / 15 членов». */
  static String membersGenitive(int count) {
    return endsInOne(count) ? "члена" : "членов";
  }

  private static boolean endsInOne(int count) {
    return count % 10 == 1 && count % 100 != 11;
  }
}
