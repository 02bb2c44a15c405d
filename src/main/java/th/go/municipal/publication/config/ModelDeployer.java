package th.go.municipal.publication.config;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process models in {@code bpmn/} and the Tasklist forms in {@code forms/} as one
 * deployment. The starter's auto-deployment names a resource by its absolute file path when run
 * from a folder and by its bare file name inside a jar, so {@code embedded:deployment:forms/...}
 * would resolve in one and not the other; here every resource is named by its path under the
 * classpath root, the same everywhere. Unchanged resources are not deployed again.
 */
@Component
@Order(1)
class ModelDeployer implements ApplicationRunner {

  static final String DEPLOYMENT_NAME = "publication-workflow";
  static final String[] PATTERNS = {
    "classpath*:bpmn/*.bpmn", "classpath*:forms/*.html", "classpath*:forms/*.form"
  };

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;

  ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    DeploymentBuilder deployment =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("application")
            .enableDuplicateFiltering(true);
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    int count = 0;
    for (String pattern : PATTERNS) {
      String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
      for (Resource resource : resolver.getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          deployment.addInputStream(folder + resource.getFilename(), in);
        }
        count++;
      }
    }
    String id = deployment.deploy().getId();
    log.info("Deployed {} process models and forms (deployment {})", count, id);
  }
}
