package ru.nso.wg.deployment;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The application's beans (name → type) as its component scan finds them, without starting a context (classes
 * compiled from the tests left out), and the process-backing classes' variables: the vocabulary of a plain test.
 */
final class ScannedVocabulary {

  private ScannedVocabulary() {
  }

  static ModelVocabulary of(String basePackage) {
    Map<String, Class<?>> beans = beans(basePackage);
    return new ModelVocabulary(name -> Optional.ofNullable(beans.get(name)),
        ModelVocabulary.backingVariables(ModelVocabulary.BACKING_PACKAGE));
  }

  static Map<String, Class<?>> beans(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new TreeMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      String source = candidate.getResourceDescription();
      if (source != null && source.replace('\\', '/').contains("/test-classes/")) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(((AnnotatedBeanDefinition) candidate).getMetadata().getClassName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      beans.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry), type);
      for (Method m : type.getDeclaredMethods()) {
        Bean bean = AnnotatedElementUtils.findMergedAnnotation(m, Bean.class);
        if (bean != null) {
          for (String name : bean.name().length > 0 ? List.of(bean.name()) : List.of(m.getName())) {
            beans.put(name, m.getReturnType());
          }
        }
      }
    }
    return beans;
  }
}
