package jp.tabiji.analytics.release;

import jp.tabiji.analytics.query.ResultTable;

/**
 * How counts of persons leave the system. {@link #published} of a perturbed count is the released cell: the number,
 * or {@link ResultTable#SUPPRESSED} when it is under k. The API, dashboard and exports use the cell-key release
 * ({@link #cellKey}); `tabiji query`, the operators' tool, the exact one ({@link #exact}).
 *
 * @param latticeOnly distinct counts only for whole lattice periods (a free range of them could be differenced)
 */
public record Release(Perturbation perturbation, int k, boolean latticeOnly) {
    public static Release exact(int k) {
        return new Release(Perturbation.NONE, k, false);
    }

    public static Release cellKey(byte[] secret, int k) {
        return new Release(Perturbation.cellKey(secret), k, true);
    }

    public long perturb(long exact, long contributorHashSum) {
        return perturbation.perturb(exact, contributorHashSum);
    }

    /** A count as published: 0 (nobody), the value when it reaches k, else suppressed. */
    public Object published(long exact, long perturbed) {
        if (exact == 0) {
            return 0L;
        }
        return perturbed >= k ? (Object) perturbed : ResultTable.SUPPRESSED;
    }

    /** The released cell of a count. */
    public Object cell(long exact, long contributorHashSum) {
        return published(exact, perturb(exact, contributorHashSum));
    }

    public boolean perturbed() {
        return perturbation.maxNoise() > 0;
    }

    public int maxNoise() {
        return perturbation.maxNoise();
    }
}
