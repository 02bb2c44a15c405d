package th.go.municipal.publication.notification;

import java.util.List;

/**
 * One plain-text e-mail: recipients, subject and body (Thai, sent as UTF-8), and what it is about.
 */
public record MailNotice(List<String> to, String subject, String body, String reference) {

  public MailNotice {
    to = List.copyOf(to);
  }
}
