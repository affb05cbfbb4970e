package io.newsclaims.extract;

/**
 * A subject before the checks that apply to every rule: who ({@code subject}), from where the
 * words that decide whether it is the whole company start ({@code from}), and whether the
 * words refer to a whole company that has a cloud unit ({@code company}: a parent's name,
 * "the company", the topic), so that "total revenue" or "net income" are not the unit's.
 * {@code unitOfGroup}: the provider is a unit of a listed group, so its "stock" is the group's.
 */
record Resolution(Subject subject, int from, boolean company, boolean unitOfGroup) {
    Resolution(Subject subject, int from, boolean company) {
        this(subject, from, company, company);
    }
}
