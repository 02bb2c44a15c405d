package th.go.municipal.publication.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The JSON error body of the HTTP contract: a code, the field at fault (if any) and a Thai message.
 */
public record ApiError(String error, String field, String message) {

  /** Answers with this error from a servlet filter, before Spring MVC's error handling exists. */
  public void writeTo(HttpServletResponse response, ObjectMapper json, int status)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), this);
  }
}
