package th.go.municipal.publication.common;

/**
 * The security headers of the service's own pages (the website, the feedback form, the
 * application's API), set once for all of them by {@code config.SecurityHeadersFilter}; a file
 * download narrows the policy further with {@link #FILE_POLICY}.
 */
public final class SecurityHeaders {

  /**
   * The pages load styles, fonts and images from this site only (the logo may be an https URL), run
   * no script, post forms only to this site and are framed by nobody else.
   */
  public static final String PAGE_POLICY =
      "default-src 'self'; img-src 'self' https:; script-src 'none'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  /** Files are never run as a page, whatever they contain. */
  public static final String FILE_POLICY = "default-src 'none'; sandbox";

  /** Links to other sites tell them the origin only, never the page. */
  public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

  private SecurityHeaders() {}
}
