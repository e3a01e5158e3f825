package jp.tabiji.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** `--flag value`, `--flag v1 v2` and `--switch` arguments after the subcommand, plus positional words. */
final class Args {
    private final Map<String, List<String>> flags = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    Args(List<String> args) {
        String current = null;
        for (String a : args) {
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                current = name;
                List<String> values = flags.computeIfAbsent(name, k -> new ArrayList<>());
                if (value != null) {
                    values.add(value);
                    current = null;
                }
            } else if (current != null) {
                flags.get(current).add(a);
            } else {
                positional.add(a);
            }
        }
    }

    String get(String name, String dflt) {
        List<String> v = flags.get(name);
        return v == null || v.isEmpty() ? dflt : v.get(0);
    }

    String require(String name) {
        String v = get(name, null);
        if (v == null) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    List<String> all(String name) {
        return flags.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return flags.containsKey(name);
    }

    int getInt(String name, int dflt) {
        String v = get(name, null);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    List<String> positional() {
        return positional;
    }
}
