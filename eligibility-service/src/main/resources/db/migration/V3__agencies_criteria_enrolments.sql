-- Social agencies and their agreements: a local copy of the compacted partner topic (pass-service
-- owns partners). An agency enrols and decides only while one of its agreements is in force.
create table agency (
    id         varchar(64)  primary key,
    name       varchar(200) not null,
    updated_at timestamptz  not null
);
create table agency_agreement (
    id          uuid        primary key,
    agency_id   varchar(64) not null references agency (id),
    status      varchar(20) not null,
    valid_from  date        not null,
    valid_until date        not null
);
create index agency_agreement_by_agency on agency_agreement (agency_id);

-- Eligibility criteria are data: programme staff add and retire them without a release.
create table criterion (
    code               varchar(40)  primary key,
    name_fr            varchar(200) not null,
    name_de            varchar(200) not null,
    name_en            varchar(200) not null,
    evidence           varchar(300) not null,
    proof_valid_months integer      not null check (proof_valid_months between 1 and 120),
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    retired_at         timestamptz,
    retired_by         varchar(100)
);
insert into criterion (code, name_fr, name_de, name_en, evidence, proof_valid_months, created_at, created_by) values
 ('AVC_ENERGY_BONUS', 'Allocation de vie chère et/ou prime énergie (FNS)', 'Teuerungszulage und/oder Energieprämie (FNS)',
  'Cost-of-living allowance and/or energy bonus (FNS)', 'FNS decision for the cost-of-living allowance or the energy bonus', 12, now(), 'seed'),
 ('DPI', 'Demandeur de protection internationale (DPI)', 'Antragsteller auf internationalen Schutz (DPI)',
  'Applicant for international protection (DPI)', 'Applicant''s certificate (attestation DPI) from the Immigration Directorate', 6, now(), 'seed'),
 ('BPT', 'Bénéficiaire de protection temporaire (BPT)', 'Begünstigter des vorübergehenden Schutzes (BPT)',
  'Beneficiary of temporary protection (BPT)', 'Temporary protection certificate from the Immigration Directorate', 12, now(), 'seed'),
 ('CEPAS', 'Aide CePAS (faible revenu)', 'CePAS-Hilfe (geringes Einkommen)',
  'CePAS low-income aid', 'CePAS aid certificate', 12, now(), 'seed'),
 ('UNI_HARDSHIP', 'Étudiant·e de l''Université du Luxembourg : fonds social ou bons alimentaires',
  'Studierende der Universität Luxemburg: Härtefonds oder Essensgutscheine',
  'University of Luxembourg student with hardship fund or food vouchers', 'University social service confirmation', 12, now(), 'seed'),
 ('SNJ_VOLUNTEER', 'Volontaire international ou au-pair SNJ en précarité', 'Internationale Freiwillige oder Au-pairs des SNJ in prekärer Lage',
  'SNJ international volunteer or au-pair in precarity', 'SNJ programme confirmation', 12, now(), 'seed'),
 ('RPGH', 'Revenu pour personnes gravement handicapées (RPGH)', 'Einkommen für Schwerbehinderte (RPGH)',
  'Income for severely disabled people (RPGH)', 'RPGH decision (FNS)', 24, now(), 'seed'),
 ('SOCIAL_PARTNER_ASSESSMENT', 'Évaluation par un partenaire social (formulaire signé)', 'Beurteilung durch einen Sozialpartner (unterschriebenes Formular)',
  'Social partner''s assessment (signed form)', 'Form signed by the social partner', 12, now(), 'seed');

-- An enrolment covers one household (adults and children); its state machine lives here.
create table enrolment (
    id                  uuid         primary key,
    agency_id           varchar(64)  not null,
    status              varchar(20)  not null,
    household_situation varchar(40),
    municipality        varchar(100),
    valid_from          date,
    valid_until         date,
    created_at          timestamptz  not null,
    created_by          varchar(100) not null,
    submitted_at        timestamptz,
    ended_at            timestamptz,
    erased_at           timestamptz
);
create index enrolment_by_agency on enrolment (agency_id, status);
create index enrolment_by_end on enrolment (valid_until) where status = 'APPROVED';

-- Every decision: the criterion, the reference of the evidence seen (never the document), who, why.
create table decision (
    id              bigint generated always as identity primary key,
    enrolment_id    uuid         not null references enrolment (id),
    outcome         varchar(20)  not null,
    renewal         boolean      not null default false,
    criterion_code  varchar(40)  references criterion (code),
    evidence_kind   varchar(100),
    evidence_issuer varchar(100),
    evidence_number varchar(100),
    evidence_date   date,
    reason_codes    varchar(300) not null default '',
    decided_by      varchar(100) not null,
    decided_at      timestamptz  not null
);
create index decision_by_enrolment on decision (enrolment_id, decided_at);

-- Existing beneficiaries each become a household of one.
insert into enrolment (id, agency_id, status, valid_from, valid_until, created_at, created_by, submitted_at)
select id, agency_id, status, cast(decided_at as date),
       case when decided_at is null then null else cast(decided_at as date) + interval '2 years' - interval '1 day' end,
       enrolled_at, enrolled_by, enrolled_at
from beneficiary;

alter table beneficiary add column enrolment_id uuid references enrolment (id);
update beneficiary set enrolment_id = id;
alter table beneficiary alter column enrolment_id set not null;
-- the person, normalised (name without accents or case, and birth date), to find them across agencies
alter table beneficiary add column person_key varchar(300);
update beneficiary set person_key = lower(first_name || ' ' || last_name) || '|' || birth_date;
-- true while the person holds an active pass through this enrolment: one at a time, programme-wide
alter table beneficiary add column holds_pass boolean not null default false;
update beneficiary set holds_pass = (status = 'APPROVED');
create unique index one_active_pass_per_person on beneficiary (person_key) where holds_pass;
-- the person was already enrolled elsewhere when this enrolment was submitted (the only thing shown)
alter table beneficiary add column enrolled_elsewhere boolean not null default false;
alter table beneficiary drop column status;
alter table beneficiary drop column decided_at;
alter table beneficiary drop column decided_by;
create index beneficiary_by_enrolment on beneficiary (enrolment_id);
create index beneficiary_by_person on beneficiary (person_key);
-- erasure (GDPR art. 17) blanks these; the pseudonymous id stays for statistics
alter table beneficiary alter column first_name drop not null;
alter table beneficiary alter column last_name drop not null;
alter table beneficiary alter column birth_date drop not null;
alter table beneficiary add column erased_at timestamptz;

-- Who viewed which beneficiary (and who exported what), for the person's own questions.
create table view_log (
    id             bigint generated always as identity primary key,
    beneficiary_id uuid,
    agency_id      varchar(64)  not null,
    viewer         varchar(100) not null,
    action         varchar(30)  not null,
    viewed_at      timestamptz  not null
);
create index view_log_by_beneficiary on view_log (beneficiary_id, viewed_at);
