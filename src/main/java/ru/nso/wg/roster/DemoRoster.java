package ru.nso.wg.roster;

import java.util.List;
import java.util.stream.Stream;

/** A fictional roster for the embedded default and tests. Every password is {@code demo}. */
final class DemoRoster {

  static final String PASSWORD = "demo";
  static final String MAIL_DOMAIN = "example.org";

  record Person(String id, String firstName, String lastName, String position, List<String> groups) {
    String email() {
      return id + "@" + MAIL_DOMAIN;
    }
  }

  private static List<String> member(String... more) {
    return Stream.concat(Stream.of(RosterGroups.MEMBERS), Stream.of(more)).toList();
  }

  static final List<Person> PEOPLE = List.of(
      new Person("sokolov", "Андрей Викторович", "Соколов",
          "Первый заместитель Губернатора Новосибирской области", member(RosterGroups.CHAIR)),
      new Person("lebedeva", "Ольга Николаевна", "Лебедева",
          "Заместитель руководителя департамента организации управления и государственной гражданской службы",
          member(RosterGroups.DEPUTY_CHAIRS, DeputyArea.COORDINATION.groupId())),
      new Person("morozov", "Дмитрий Сергеевич", "Морозов",
          "Заместитель министра экономического развития Новосибирской области",
          member(RosterGroups.DEPUTY_CHAIRS, DeputyArea.SERVICES.groupId())),
      new Person("kuznetsova", "Елена Игоревна", "Кузнецова",
          "Заместитель министра цифрового развития и связи Новосибирской области",
          member(RosterGroups.DEPUTY_CHAIRS, DeputyArea.DIGITAL.groupId())),
      new Person("vasiliev", "Павел Андреевич", "Васильев", "Министр труда и социального развития", member()),
      new Person("novikova", "Татьяна Петровна", "Новикова", "Заместитель министра здравоохранения", member()),
      new Person("fedorov", "Игорь Михайлович", "Фёдоров", "Заместитель министра образования", member()),
      new Person("pavlova", "Наталья Юрьевна", "Павлова", "Директор ГАУ НСО «МФЦ»", member()),
      new Person("semenov", "Алексей Олегович", "Семёнов", "Заместитель министра строительства", member()),
      new Person("golubeva", "Марина Владимировна", "Голубева", "Заместитель министра культуры", member()),
      new Person("vinogradov", "Сергей Александрович", "Виноградов",
          "Заместитель министра транспорта и дорожного хозяйства", member()),
      new Person("bogdanova", "Ирина Васильевна", "Богданова",
          "Начальник управления государственной службы занятости населения", member()),
      new Person("orlov", "Константин Евгеньевич", "Орлов", "Заместитель министра сельского хозяйства", member()),
      new Person("kiseleva", "Анна Дмитриевна", "Киселёва",
          "Заместитель министра природных ресурсов и экологии", member()),
      new Person("makarov", "Виктор Геннадьевич", "Макаров", "Заместитель министра ЖКХ и энергетики", member()),
      new Person("smirnova", "Юлия Сергеевна", "Смирнова",
          "Консультант департамента организации управления и государственной гражданской службы",
          List.of(RosterGroups.SECRETARIAT)),
      new Person("popov", "Роман Ильич", "Попов",
          "Главный специалист департамента организации управления и государственной гражданской службы",
          List.of(RosterGroups.SECRETARIAT)),
      new Person("egorova", "Светлана Павловна", "Егорова",
          "Консультант департамента информационной политики", List.of(RosterGroups.INFO_POLICY)),
      // the chair's office: in wg-chair (monitoring in Cockpit, the chair's notifications) but not in the roster
      new Person("zaitseva", "Ольга Петровна", "Зайцева",
          "Руководитель аппарата первого заместителя Губернатора Новосибирской области",
          List.of(RosterGroups.CHAIR)),
      // an analyst who changes the models (issue 18): deploys through the REST API, migrates running meetings
      new Person("belova", "Марина Андреевна", "Белова",
          "Консультант отдела процессного управления", List.of(RosterGroups.ANALYSTS)));

  private DemoRoster() {
  }
}
