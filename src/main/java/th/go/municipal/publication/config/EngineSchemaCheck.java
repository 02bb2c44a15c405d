package th.go.municipal.publication.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.management.SchemaLogEntry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.stereotype.Component;

/**
 * Where the operator, not the engine, keeps the engine's tables ({@code
 * camunda.bpm.database.schema-update: false}, the {@code postgres} profile): the service starts
 * only on tables of its own engine version, so a new release started before {@code
 * src/ops/camunda-schema.sh upgrade} stops at once with what to run, before it serves anyone.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.database.schema-update", havingValue = "false")
class EngineSchemaCheck implements SmartInitializingSingleton {

  private final ManagementService management;

  EngineSchemaCheck(ManagementService management) {
    this.management = management;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String library = engineVersion();
    String tables =
        management.createSchemaLogQuery().orderByTimestamp().desc().listPage(0, 1).stream()
            .map(SchemaLogEntry::getVersion)
            .findFirst()
            .orElse("none");
    if (!minor(tables).equals(minor(library))) {
      throw new EngineSchemaMismatch(tables, library);
    }
  }

  /** The engine's release, as its jar states it (e.g. 7.24.0). */
  static String engineVersion() {
    try (InputStream in =
        ProcessEngine.class.getResourceAsStream(
            "/org/camunda/bpm/engine/product-info.properties")) {
      Properties info = new Properties();
      if (in != null) {
        info.load(in);
      }
      String version = info.getProperty("camunda.version");
      return version != null
          ? version
          : ProcessEngine.class.getPackage().getImplementationVersion();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the engine's version", e);
    }
  }

  private static String minor(String version) {
    String[] parts = version.split("\\.");
    return parts.length < 2 ? version : parts[0] + "." + parts[1];
  }

  /** The tables are of another engine version than the service's. */
  static class EngineSchemaMismatch extends IllegalStateException {
    EngineSchemaMismatch(String tables, String library) {
      super(
          "ตารางของ Camunda ในฐานข้อมูลเป็นรุ่น "
              + tables
              + " แต่ระบบใช้รุ่น "
              + library
              + " (the engine's tables are of version "
              + tables
              + ", the service needs "
              + library
              + "): stop every node, back up, then run src/ops/camunda-schema.sh upgrade");
    }
  }

  /** Tells the operator what to run when the tables are of another version or missing. */
  static class Analyzer implements FailureAnalyzer {
    @Override
    public FailureAnalysis analyze(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof EngineSchemaMismatch) {
          return new FailureAnalysis(
              cause.getMessage(),
              "Upgrade the engine's tables with Camunda's scripts: src/ops/camunda-schema.sh upgrade"
                  + " (README, Operations: Upgrade)",
              cause);
        }
        if (cause instanceof ProcessEngineException
            && cause.getMessage() != null
            && (cause.getMessage().contains("There are no Camunda tables")
                || cause.getMessage().contains("Tables are missing"))) {
          return new FailureAnalysis(
              "ฐานข้อมูลยังไม่มีตารางของ Camunda (the database has no Camunda tables yet)",
              "Create them once with Camunda's scripts: src/ops/camunda-schema.sh create"
                  + " (README, Operations: Install)",
              cause);
        }
      }
      return null;
    }
  }
}
