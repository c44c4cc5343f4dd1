-- Criteria are shown in the page's or the caller's language: Luxembourgish joins French, German and English. The
-- column stays nullable (an expanding change: an instance of the previous release adds criteria without it); a
-- criterion without a Luxembourgish name is shown with its French one until programme staff name it.
alter table criterion add column name_lb varchar(200);
update criterion set name_lb = 'Teierungszoulag an/oder Energiepräm (FNS)' where code = 'AVC_ENERGY_BONUS';
update criterion set name_lb = 'Persoun mat enger Ufro op internationale Schutz (DPI)' where code = 'DPI';
update criterion set name_lb = 'Persoun mat temporärem Schutz (BPT)' where code = 'BPT';
update criterion set name_lb = 'Hëllef vum CePAS (klengt Akommes)' where code = 'CEPAS';
update criterion set name_lb = 'Student·in vun der Universitéit Lëtzebuerg: Sozialfong oder Iessensbongen' where code = 'UNI_HARDSHIP';
update criterion set name_lb = 'Internationale Fräiwëllegen oder Au-pair vum SNJ an enger prekärer Situatioun' where code = 'SNJ_VOLUNTEER';
update criterion set name_lb = 'Akommes fir Persoune mat schwéierer Behënnerung (RPGH)' where code = 'RPGH';
update criterion set name_lb = 'Bewäertung vun engem Sozialpartner (ënnerschriwwene Formulaire)' where code = 'SOCIAL_PARTNER_ASSESSMENT';
