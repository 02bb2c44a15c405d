package th.go.municipal.publication.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The municipality as configuration: its name, contact details, units and ITA/OIT indicators. The
 * announcement itself was copied between municipalities; so is this service.
 */
@ConfigurationProperties(prefix = "municipality")
public class MunicipalityProperties {

  private String name = "เทศบาล";
  private String nameEn = "Municipality";
  private String websiteUrl = "http://localhost:8080";
  private String address = "";
  private String phone = "";
  private String email = "";
  private String logo = "/images/logo.svg";
  private List<Unit> units = new ArrayList<>();
  private List<OitItem> oitItems = new ArrayList<>();
  private Map<Integer, List<OitItem>> oitItemsByYear = new TreeMap<>();

  /**
   * A unit (หน่วยงาน) of the municipality; its id names the groups reporter-&lt;id&gt; and
   * head-&lt;id&gt;.
   */
  public record Unit(String id, String name) {}

  /**
   * An ITA/OIT disclosure indicator of an assessment year, and how often it needs new evidence:
   * {@code monthly}, {@code quarterly}, {@code half-yearly}, {@code yearly}, or (null) at least one
   * item on the website.
   */
  public record OitItem(String code, String name, String due) {}

  /**
   * The indicators assessed in a fiscal year (Buddhist era): the list of the latest year in {@code
   * oit-items-by-year} that is not after it, else {@code oit-items}.
   */
  public List<OitItem> oitItemsFor(int fiscalYear) {
    List<OitItem> chosen = oitItems;
    for (Map.Entry<Integer, List<OitItem>> year : new TreeMap<>(oitItemsByYear).entrySet()) {
      if (year.getKey() <= fiscalYear) {
        chosen = year.getValue();
      }
    }
    return chosen;
  }

  /** The indicators of the fiscal year the clock is in. */
  public List<OitItem> oitItemsOn(LocalDate day) {
    return oitItemsFor(ThaiDates.fiscalYear(day));
  }

  public Optional<Unit> unit(String id) {
    return units.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  /** The ids of the configured units. */
  public List<String> unitIds() {
    return units.stream().map(Unit::id).toList();
  }

  /** The unit's Thai name, or the id itself for a unit no longer configured. */
  public String unitName(String id) {
    return unit(id).map(Unit::name).orElse(id);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public String getWebsiteUrl() {
    return websiteUrl;
  }

  public void setWebsiteUrl(String websiteUrl) {
    this.websiteUrl = websiteUrl;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getLogo() {
    return logo;
  }

  public void setLogo(String logo) {
    this.logo = logo;
  }

  public List<Unit> getUnits() {
    return units;
  }

  public void setUnits(List<Unit> units) {
    this.units = units;
  }

  public List<OitItem> getOitItems() {
    return oitItems;
  }

  public void setOitItems(List<OitItem> oitItems) {
    this.oitItems = oitItems;
  }

  public Map<Integer, List<OitItem>> getOitItemsByYear() {
    return oitItemsByYear;
  }

  public void setOitItemsByYear(Map<Integer, List<OitItem>> oitItemsByYear) {
    this.oitItemsByYear = oitItemsByYear;
  }
}
