package lu.kulturpass.platform.account;

/**
 * What a service knows of the programme's partners, for account management: whether {@code partnerId} names an
 * organisation that accounts of {@code role} can belong to (an agency for agency-staff and agency-lead, a venue for
 * box-office and venue-manager), as this service learned it (pass-service's registry, the partner topic's copy). The
 * token's partner is a statement: a caller's own partner, and a partner programme staff name, are checked here.
 * Each service provides one; without it ({@link UnknownAccountPartners}) no partner is known and only programme staff
 * inviting programme staff get through.
 */
public interface AccountPartners {

    boolean holds(String role, String partnerId);
}
