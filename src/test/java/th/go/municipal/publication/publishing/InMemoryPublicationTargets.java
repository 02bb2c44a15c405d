package th.go.municipal.publication.publishing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PublicationTargetRepository} in a map, for publisher tests that must not depend on the
 * whole application context. Supports what the publishers use (and the interface's default
 * methods); anything else fails loudly. The real mapping is tested in {@code
 * PublicationTargetRepositoryTests}.
 */
final class InMemoryPublicationTargets implements InvocationHandler {

  final Map<PublicationTarget.Key, PublicationTarget> rows = new LinkedHashMap<>();

  static InMemoryPublicationTargets create() {
    return new InMemoryPublicationTargets();
  }

  PublicationTargetRepository repository() {
    return (PublicationTargetRepository)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PublicationTargetRepository.class}, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    return switch (method.getName()) {
      case "findById" -> Optional.ofNullable(rows.get((PublicationTarget.Key) args[0]));
      case "save", "saveAndFlush" -> {
        PublicationTarget row = (PublicationTarget) args[0];
        rows.put(new PublicationTarget.Key(row.getBusinessKey(), row.getTarget()), row);
        yield row;
      }
      case "findByBusinessKey" ->
          rows.values().stream().filter(r -> r.getBusinessKey().equals(args[0])).toList();
      case "findAll" -> List.copyOf(rows.values());
      case "count" -> (long) rows.size();
      case "flush" -> null;
      case "toString" -> "InMemoryPublicationTargets" + rows.keySet();
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default ->
          throw new UnsupportedOperationException(
              "not in the in-memory repository: " + method.getName());
    };
  }
}
