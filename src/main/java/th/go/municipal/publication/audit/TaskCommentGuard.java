package th.go.municipal.publication.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.identity.ApiCaller;
import th.go.municipal.publication.identity.StaffDirectory;

/**
 * Comments on a task only from whoever may work on it (its assignee, a candidate user or a member
 * of a candidate group). Camunda 7.24 checks no authorization when a comment is added, so without
 * this an auditor, or anyone logged in, could write into any request's history.
 */
@Configuration
class TaskCommentGuard {

  private static final Pattern COMMENT =
      Pattern.compile("/(?:engine-rest|camunda/api/engine/engine/[^/]+)/task/([^/]+)/comment.*");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskCommentFilter(
      TaskService tasks, ApiCaller caller, StaffDirectory staff, ObjectMapper json) {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            Matcher comment = COMMENT.matcher(request.getRequestURI());
            if ("GET".equals(request.getMethod()) || !comment.matches()) {
              chain.doFilter(request, response);
              return;
            }
            Optional<String> user = caller.userId(request);
            if (user.isPresent() && mayWorkOn(comment.group(1), user.get())) {
              chain.doFilter(request, response);
              return;
            }
            new ApiError(
                    "forbidden",
                    null,
                    "เฉพาะผู้ปฏิบัติงานในขั้นตอนนี้เท่านั้นที่แสดงความเห็นได้"
                        + " (only who may work on the task may comment)")
                .writeTo(response, json, HttpServletResponse.SC_FORBIDDEN);
          }

          private boolean mayWorkOn(String taskId, String userId) {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
              return false;
            }
            if (userId.equals(task.getAssignee())) {
              return true;
            }
            List<String> groups = staff.groupsOf(userId);
            for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
              if (IdentityLinkType.CANDIDATE.equals(link.getType())
                  && (userId.equals(link.getUserId()) || groups.contains(link.getGroupId()))) {
                return true;
              }
            }
            return false;
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setName("task-comment-guard");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
    return registration;
  }
}
