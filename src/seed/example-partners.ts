/**
 * Example partners labelled "(contoh)" so that a fresh install can walk the
 * whole referral path. Real deployments deactivate them
 * (`npm run slrt -- partners remove-examples`) and import their own.
 */
import type { WilayahRow } from '../areas/wilayah.ts';
import type { PartnerRecord } from '../partners/partner-record.ts';

export function examplePartners(subtree: WilayahRow[]): PartnerRecord[] {
  const region = subtree[0];
  const firstKecamatan = subtree.find((a) => a.level === 'kecamatan');
  if (!region || !firstKecamatan) return [];
  const whole = [region.code];
  const example = { contact: '', isExample: true };
  return [
    {
      ...example,
      code: 'contoh-puskesmas',
      name: `Puskesmas ${firstKecamatan.name} (contoh)`,
      sector: 'pemerintah',
      services: ['kesehatan'],
      areas: [firstKecamatan.code],
      description: 'Contoh mitra: layanan kesehatan dasar dan rujukan BPJS di satu kecamatan.',
    },
    {
      ...example,
      code: 'contoh-disdik',
      name: `Dinas Pendidikan ${region.name} (contoh)`,
      sector: 'pemerintah',
      services: ['pendidikan'],
      areas: whole,
      description: 'Contoh mitra: KIP/PIP dan bantuan biaya sekolah.',
    },
    {
      ...example,
      code: 'contoh-disdukcapil',
      name: `Disdukcapil ${region.name} (contoh)`,
      sector: 'pemerintah',
      services: ['adminduk'],
      areas: whole,
      description: 'Contoh mitra: KTP-el, KK, akta kelahiran.',
    },
    {
      ...example,
      code: 'contoh-baznas',
      name: `BAZNAS ${region.name} (contoh)`,
      sector: 'masyarakat',
      services: ['bansos', 'kesehatan', 'rehsos', 'ekonomi'],
      areas: whole,
      description: 'Contoh mitra: zakat untuk biaya berobat, bedah rumah dan modal usaha.',
    },
    {
      ...example,
      code: 'contoh-csr',
      name: 'Program CSR PT Contoh Sejahtera (contoh)',
      sector: 'dunia_usaha',
      services: ['ekonomi', 'pendidikan', 'rehsos'],
      areas: whole,
      description: 'Contoh mitra: pelatihan kerja, beasiswa dan perbaikan rumah dari dana CSR.',
    },
  ];
}
