package th.go.municipal.publication.common;

/**
 * The security headers of the service's own pages (the website, the feedback form, the
 * application's API), set once for all of them by {@code config.SecurityHeadersFilter}; a file
 * download narrows the policy further with {@link #FILE_POLICY}. HSTS, frame options and the
 * referrer policy go with every answer, the webapps' and the engine's REST API's too.
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

  /** Framed only by the service's own pages (older browsers that ignore frame-ancestors). */
  public static final String FRAME_OPTIONS = "SAMEORIGIN";

  /** The pages ask for no camera, microphone, location or payment. */
  public static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  /**
   * Reached over https (directly, or through a trusted proxy's X-Forwarded-Proto), browsers keep to
   * https for a year. Not for subdomains: other sites of the municipality may not have https yet.
   */
  public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  /**
   * The header of {@link #STRICT_TRANSPORT_SECURITY}: it depends on how each request came (https or
   * not), so a page kept for other readers never keeps it.
   */
  public static final String STRICT_TRANSPORT_SECURITY_HEADER = "Strict-Transport-Security";

  private SecurityHeaders() {}
}
