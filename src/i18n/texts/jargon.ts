/**
 * One plain line for each acronym residents meet in service information and
 * document lists, shown under the text that uses it (src/i18n/jargon.ts).
 */
import { defineTexts } from '../define-texts.ts';

export const jargonTexts = defineTexts({
  id: {
    'jargon.heading': 'Arti singkatan:',
    'jargon.SKTM': 'SKTM: surat dari desa/kelurahan bahwa keluarga Anda kurang mampu.',
    'jargon.DTKS':
      'DTKS/DTSEN: daftar keluarga kurang mampu milik pemerintah, dasar pemberian bantuan.',
    'jargon.PBI': 'PBI-JK: BPJS Kesehatan yang iurannya dibayar pemerintah.',
    'jargon.BPJS': 'BPJS: asuransi kesehatan dari pemerintah.',
    'jargon.KIP': 'KIP/PIP: bantuan uang sekolah dari pemerintah untuk anak keluarga kurang mampu.',
    'jargon.PKH': 'PKH: bantuan uang rutin untuk keluarga kurang mampu (Program Keluarga Harapan).',
    'jargon.BPNT': 'BPNT/Sembako: bantuan bahan makanan, seperti beras dan telur, tiap bulan.',
    'jargon.BLT': 'BLT: bantuan uang tunai langsung dari pemerintah.',
    'jargon.RTLH': 'RTLH: rumah tidak layak huni, yang bisa dibantu perbaikannya.',
    'jargon.UMKM': 'UMKM: usaha kecil, misalnya warung atau jualan di rumah.',
    'jargon.KUR': 'KUR: pinjaman modal usaha dengan bunga rendah dari bank.',
    'jargon.KDRT': 'KDRT: kekerasan dalam rumah tangga.',
    'jargon.RSUD': 'RSUD: rumah sakit milik pemerintah daerah.',
  },
  su: {
    'jargon.heading': 'Hartosna singgetan:',
    'jargon.SKTM': 'SKTM: serat ti désa/kalurahan yén kulawarga Bapa/Ibu kirang mampu.',
    'jargon.DTKS':
      'DTKS/DTSEN: daptar kulawarga kirang mampu ti pamaréntah, dasar masihan bantuan.',
    'jargon.PBI': 'PBI-JK: BPJS Kaséhatan nu iuranna dibayar ku pamaréntah.',
    'jargon.BPJS': 'BPJS: asuransi kaséhatan ti pamaréntah.',
    'jargon.KIP':
      'KIP/PIP: bantuan artos sakola ti pamaréntah kanggo murangkalih kulawarga kirang mampu.',
    'jargon.PKH':
      'PKH: bantuan artos rutin kanggo kulawarga kirang mampu (Program Keluarga Harapan).',
    'jargon.BPNT':
      'BPNT/Sembako: bantuan bahan tuangeun, sapertos béas sareng endog, unggal sasih.',
    'jargon.BLT': 'BLT: bantuan artos kontan langsung ti pamaréntah.',
    'jargon.RTLH': 'RTLH: imah nu teu layak dicicingan, nu tiasa dibantu dilereskeun.',
    'jargon.UMKM': 'UMKM: usaha alit, contona warung atanapi icalan di bumi.',
    'jargon.KUR': 'KUR: injeuman modal usaha kalayan bunga handap ti bank.',
    'jargon.KDRT': 'KDRT: kekerasan dina rumah tangga.',
    'jargon.RSUD': 'RSUD: rumah sakit milik pamaréntah daérah.',
  },
  en: {
    'jargon.heading': 'What the short names mean:',
    'jargon.SKTM': 'SKTM: a letter from the village saying your family has a low income.',
    'jargon.DTKS':
      "DTKS/DTSEN: the government's list of low-income families, used to decide who gets aid.",
    'jargon.PBI': 'PBI-JK: BPJS health insurance paid for by the government.',
    'jargon.BPJS': 'BPJS: the government health insurance.',
    'jargon.KIP': 'KIP/PIP: government school money for children of low-income families.',
    'jargon.PKH': 'PKH: regular cash aid for low-income families (Program Keluarga Harapan).',
    'jargon.BPNT': 'BPNT/Sembako: monthly food aid, such as rice and eggs.',
    'jargon.BLT': 'BLT: direct cash aid from the government.',
    'jargon.RTLH': 'RTLH: a house unfit to live in, which can get help with repairs.',
    'jargon.UMKM': 'UMKM: a small business, such as a shop or selling from home.',
    'jargon.KUR': 'KUR: a low-interest business loan from a bank.',
    'jargon.KDRT': 'KDRT: violence at home (domestic violence).',
    'jargon.RSUD': 'RSUD: a hospital run by the local government.',
  },
});
