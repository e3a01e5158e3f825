package jp.tabiji.analytics.catalogue;

import java.util.List;

/**
 * Exact rows of a stored query and the computation they come from: the same computation always has the same rows,
 * so anything finished from them alone may be kept; {@code computation} is null for rows counted live.
 */
record StoredRows(String computation, List<String[]> rows) {
}
