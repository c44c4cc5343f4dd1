package lu.kulturpass.core.partner;

/** Cultural partners admit holders at their venues; social partners (agencies) enrol them. */
public enum PartnerKind {
    CULTURAL,
    SOCIAL
}
