package io.lojal.tier;

import io.lojal.common.Problem.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The program's tiers in rank order, and what follows from qualifying points. No I/O. */
public record TierLadder(List<Tier> tiers) {

    public TierLadder {
        tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
    }

    public Tier entry() {
        return tiers.get(0);
    }

    public Optional<Tier> byCode(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The highest tier whose threshold the qualifying points meet. */
    public Tier forPoints(long qualifyingPoints) {
        Tier reached = entry();
        for (Tier tier : tiers) {
            if (tier.threshold() <= qualifyingPoints) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The tier above {@code current}, if any. */
    public Optional<Tier> above(Tier current) {
        return tiers.stream().filter(t -> t.rank() > current.rank()).findFirst();
    }

    public boolean isTop(String code) {
        return tiers.get(tiers.size() - 1).code().equals(code);
    }

    /** What makes a ladder invalid: no rank-0 entry tier at threshold 0, a repeated code or rank, a threshold not rising with rank. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (Tier tier : tiers) {
            if (!codes.add(tier.code())) {
                problems.add(new FieldError("code", "tier " + tier.code() + " exists already"));
            }
            if (!ranks.add(tier.rank())) {
                problems.add(new FieldError("rank", "another tier has rank " + tier.rank()));
            }
        }
        if (tiers.isEmpty() || tiers.get(0).rank() != 0 || tiers.get(0).threshold() != 0) {
            problems.add(new FieldError("threshold", "the rank-0 entry tier must exist with threshold 0"));
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).threshold() <= tiers.get(i - 1).threshold() && tiers.get(i).rank() != tiers.get(i - 1).rank()) {
                problems.add(new FieldError("threshold", "must rise with rank: " + tiers.get(i).code() + " needs more than "
                        + tiers.get(i - 1).threshold()));
            }
        }
        return problems;
    }
}
