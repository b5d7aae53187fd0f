package ru.nso.wg.materials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code wg.materials.*} (the deadline itself is {@code wg.calendar.materials-working-days}).
 *
 * @param maxFileBytes   the largest material file accepted (default 20 MB; the multipart limit must not be lower)
 * @param attachMaxBytes how many bytes of materials the § 14 distribution attaches to one message (default 10 MB);
 *                       when they are more, the message lists them as links that require login
 */
@ConfigurationProperties("wg.materials")
public record MaterialsProperties(
    @DefaultValue("20971520") long maxFileBytes,
    @DefaultValue("10485760") long attachMaxBytes) {

  public MaterialsProperties {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("wg.materials.max-file-bytes должен быть положительным: " + maxFileBytes);
    }
    if (attachMaxBytes < 0) {
      throw new IllegalArgumentException("wg.materials.attach-max-bytes не может быть отрицательным: "
          + attachMaxBytes);
    }
  }
}
