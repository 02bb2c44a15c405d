package th.go.municipal.publication.request;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Reads the attachment File variables (attachment1, attachment2, …) of a request, whichever way
 * they were set: a Tasklist form, the REST API or a variable update between steps.
 */
final class AttachmentVariables {

  private static final Pattern NAME =
      Pattern.compile(RequestVariables.ATTACHMENT_PREFIX + "(\\d+)");

  private AttachmentVariables() {}

  public static List<IncomingFile> read(VariableScope scope) {
    List<IncomingFile> files = new ArrayList<>();
    for (String name : scope.getVariableNames()) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      TypedValue value = scope.getVariableTyped(name, false);
      if (value == null || value.getValue() == null) {
        continue;
      }
      if (!(value instanceof FileValue file)) {
        throw InputRejectedException.invalid(
            name, "ไฟล์แนบ (" + name + "): ต้องเป็นไฟล์ (type File) (must be a file)");
      }
      files.add(new IncomingFile(name, file.getFilename(), bytes(file)));
    }
    files.sort(
        Comparator.comparingInt(
            f ->
                Integer.parseInt(
                    f.variable().substring(RequestVariables.ATTACHMENT_PREFIX.length()))));
    return files;
  }

  private static byte[] bytes(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read attachment " + file.getFilename(), e);
    }
  }
}
