/**
 * Who may open the dashboard. `/dasbor` creates a one-time link (10 minutes);
 * spending it creates a browser session (8 hours). Both are DashboardAccess
 * rows holding only a keyed hash of their token. A session is good only while
 * its staff member is active, unrevoked and still a koordinator or admin.
 */
import type { FieldCipher } from '../security/field-cipher.ts';
import type { StaffRole } from '../staff/roles.ts';
import type { Tx } from '../store/database.ts';
import { dashboardTokenHash, isDashboardToken, newDashboardToken } from './dashboard-token.ts';

export const LINK_TTL_MS = 10 * 60 * 1000;
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** The roles the dashboard is for. */
export const DASHBOARD_ROLES = ['koordinator', 'admin'] as const satisfies readonly StaffRole[];

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** A staff member the dashboard serves: the unit is the root of what they see. */
export interface DashboardViewer {
  staffId: string;
  role: (typeof DASHBOARD_ROLES)[number];
  unitId: string;
  unitName: string;
  /** the unit's Kemendagri area: the viewer sees this area and everything below it */
  unitAreaCode: string;
  locale: string;
}

async function issue(
  prisma: Tx,
  cipher: FieldCipher,
  kind: 'link' | 'session',
  staffId: string,
  now: Date,
): Promise<IssuedToken> {
  const token = newDashboardToken();
  const expiresAt = new Date(now.getTime() + (kind === 'link' ? LINK_TTL_MS : SESSION_TTL_MS));
  await prisma.dashboardAccess.create({
    data: {
      tokenHash: dashboardTokenHash(cipher, token),
      kind,
      staffId,
      expiresAt,
      createdAt: now,
    },
  });
  return { token, expiresAt };
}

/**
 * A new one-time login link for this staff member. Rows past their expiry
 * open nothing, so they go first: the table stays as small as the live links
 * and sessions (an expired link is then unknown, refused all the same).
 */
export async function createDashboardLink(
  prisma: Tx,
  cipher: FieldCipher,
  staffId: string,
  now: Date,
): Promise<IssuedToken> {
  await prisma.dashboardAccess.deleteMany({ where: { expiresAt: { lt: now } } });
  return issue(prisma, cipher, 'link', staffId, now);
}

async function liveRow(prisma: Tx, cipher: FieldCipher, kind: string, token: string, now: Date) {
  if (!isDashboardToken(token)) return null;
  const row = await prisma.dashboardAccess.findUnique({
    where: { tokenHash: dashboardTokenHash(cipher, token) },
  });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt <= now) return null;
  return row;
}

/** Whether a link would still open the dashboard, without spending it. */
export async function linkIsLive(
  prisma: Tx,
  cipher: FieldCipher,
  token: string,
  now: Date,
): Promise<boolean> {
  const row = await liveRow(prisma, cipher, 'link', token, now);
  return row !== null && (await viewerOf(prisma, row.staffId)) !== null;
}

/**
 * Spends a link and opens a session. The link is marked used by a conditional
 * update, so of two requests racing with the same link exactly one wins.
 * Returns null for an unknown, spent or expired link, or a staff member who
 * may no longer see the dashboard.
 */
export async function redeemLink(
  prisma: Tx,
  cipher: FieldCipher,
  token: string,
  now: Date,
): Promise<IssuedToken | null> {
  const row = await liveRow(prisma, cipher, 'link', token, now);
  if (!row || !(await viewerOf(prisma, row.staffId))) return null;
  const spent = await prisma.dashboardAccess.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) return null;
  return issue(prisma, cipher, 'session', row.staffId, now);
}

/** The viewer behind a session cookie, or null when it is not (or no longer) good. */
export async function sessionViewer(
  prisma: Tx,
  cipher: FieldCipher,
  token: string,
  now: Date,
): Promise<DashboardViewer | null> {
  const row = await liveRow(prisma, cipher, 'session', token, now);
  return row ? viewerOf(prisma, row.staffId) : null;
}

async function viewerOf(prisma: Tx, staffId: string): Promise<DashboardViewer | null> {
  const staff = await prisma.staff.findUnique({
    where: { id: staffId },
    select: {
      id: true,
      role: true,
      active: true,
      revokedAt: true,
      locale: true,
      unit: { select: { id: true, name: true, areaCode: true } },
    },
  });
  if (!staff?.active || staff.revokedAt || !staff.unit) return null;
  if (!(DASHBOARD_ROLES as readonly string[]).includes(staff.role)) return null;
  return {
    staffId: staff.id,
    role: staff.role as DashboardViewer['role'],
    unitId: staff.unit.id,
    unitName: staff.unit.name,
    unitAreaCode: staff.unit.areaCode,
    locale: staff.locale,
  };
}
