package th.go.municipal.publication.audit;

import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The public page of the audit trail's daily anchors: whoever keeps a copy can later show that the
 * trail was not rewritten, because a rewritten past no longer ends in the anchored hash.
 */
@Controller
class AnchorPageController {

  private final AuditService audit;
  private final MunicipalityProperties municipality;

  AnchorPageController(AuditService audit, MunicipalityProperties municipality) {
    this.audit = audit;
    this.municipality = municipality;
  }

  @GetMapping("/transparency/audit-anchors")
  String showAnchors(Model model) {
    model.addAttribute("municipality", municipality);
    model.addAttribute("navSection", "");
    model.addAttribute("anchors", audit.anchors());
    return "audit/anchors";
  }

  @GetMapping("/transparency/audit-anchors.txt")
  ResponseEntity<String> listAnchors() {
    String lines = audit.anchors().stream().map(a -> a.line() + "\n").collect(Collectors.joining());
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
        .body("# date last-entry-id entry-count sha256\n" + lines);
  }
}
