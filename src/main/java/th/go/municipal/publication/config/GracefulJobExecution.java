package th.go.municipal.publication.config;

import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the engine's jobs, as the Camunda starter makes them (its bean of the same
 * name gives way) but finishing their work at shutdown: a job that is publishing when the service
 * is stopped (systemd, a deployment) completes and commits instead of being interrupted and left
 * locked until its lock expires. The pool is given the data source so that it is shut down before
 * the connections its jobs need.
 */
@Configuration
class GracefulJobExecution {

  @Bean(name = "camundaTaskExecutor")
  @ConditionalOnProperty(
      prefix = "camunda.bpm.job-execution",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  TaskExecutor camundaTaskExecutor(
      CamundaBpmProperties camunda,
      DataSource jobsNeedTheDatabase,
      @Value("${publication.operations.job-shutdown-timeout:PT60S}") Duration shutdownTimeout) {
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setThreadNamePrefix("camunda-job-");
    pool.setCorePoolSize(camunda.getJobExecution().getCorePoolSize());
    pool.setMaxPoolSize(camunda.getJobExecution().getMaxPoolSize());
    pool.setQueueCapacity(camunda.getJobExecution().getQueueCapacity());
    if (camunda.getJobExecution().getKeepAliveSeconds() != null) {
      pool.setKeepAliveSeconds(camunda.getJobExecution().getKeepAliveSeconds());
    }
    pool.setWaitForTasksToCompleteOnShutdown(true);
    pool.setAwaitTerminationSeconds((int) shutdownTimeout.toSeconds());
    return pool;
  }
}
