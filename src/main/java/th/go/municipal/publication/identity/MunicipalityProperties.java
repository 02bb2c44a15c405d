package th.go.municipal.publication.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality as configuration: its name, units and (in the demo profile only) demo users. The
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
  private Demo demo = new Demo();

  /**
   * A unit (หน่วยงาน) of the municipality; its id names the groups reporter-&lt;id&gt; and
   * head-&lt;id&gt;.
   */
  public record Unit(String id, String name) {}

  /** An ITA/OIT disclosure indicator of the current assessment year. */
  public record OitItem(String code, String name) {}

  /** Demo users; filled only by application-demo.yml. */
  public static class Demo {
    private String password;
    private List<DemoUser> users = new ArrayList<>();

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public List<DemoUser> getUsers() {
      return users;
    }

    public void setUsers(List<DemoUser> users) {
      this.users = users;
    }
  }

  /** One demo login. */
  public record DemoUser(
      String id, String firstName, String lastName, String position, List<String> groups) {}

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

  public Demo getDemo() {
    return demo;
  }

  public void setDemo(Demo demo) {
    this.demo = demo;
  }
}
