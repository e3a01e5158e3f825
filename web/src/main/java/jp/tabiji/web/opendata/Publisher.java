package jp.tabiji.web.opendata;

import jp.tabiji.ingest.registry.LocalGovernmentCode;

/**
 * Who publishes the open data: the local government's 全国地方公共団体コード (checked) and its name, the first two
 * columns of every file and the attribution the licence asks for.
 */
public record Publisher(String code, String name) {
    /** The first region's prefecture. */
    public static final Publisher MIYAGI = new Publisher("040002", "宮城県");

    public Publisher {
        code = LocalGovernmentCode.check(code);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the publisher needs a name (地方公共団体名)");
        }
        name = name.strip();
    }
}
