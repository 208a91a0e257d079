package dev.hangar.spec;

import java.util.List;

/** A launch spec that cannot be used, with every problem found in it. */
public class InvalidSpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order of the spec's fields; never empty when thrown by this package. */
    public List<SpecProblem> problems() {
        return problems;
    }

    private static String describe(List<SpecProblem> problems) {
        StringBuilder out = new StringBuilder("invalid launch spec:");
        for (SpecProblem p : problems) {
            out.append("\n  ").append(p);
        }
        return out.toString();
    }
}
