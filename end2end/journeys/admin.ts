// The back office's door: a logged-out visitor is sent to the log-in page (in their
// language, mirrored in Arabic), a wrong password gets a translated message, the right
// one opens the dashboard, and logging out closes it again. Run with JavaScript on only
// (playwright.config.ts): back-office pages load no script, so off would test the same.
import { expect, test } from '@playwright/test';
import { ownClientAddress } from './mailbox';
import { expectNotHydrated } from './support';

/** The administrator `scripts/test` creates before the site starts (playwright.config.ts). */
export const ADMIN = { email: 'admin@ccme.example', password: 'e2e admin passphrase' };

const TEXT = {
  fr: { title: 'Connexion à l’espace de rédaction', refused: 'Adresse ou mot de passe incorrect. Après plusieurs essais manqués depuis une même connexion, chaque nouvel essai doit attendre plus longtemps : une minute, puis deux, quatre…', role: 'Administrateur', out: 'Vous êtes déconnecté.', logIn: 'Se connecter', logOut: 'Se déconnecter' },
  ar: { title: 'الدخول إلى فضاء التحرير', refused: 'البريد الإلكتروني أو كلمة المرور غير صحيحة. بعد عدة محاولات فاشلة من الاتصال نفسه، تنتظر كل محاولة جديدة مدة أطول: دقيقة، ثم دقيقتان، ثم أربع…', role: 'مدير', out: 'لقد خرجت من حسابك.', logIn: 'دخول', logOut: 'خروج' },
} as const;

/** `langs`: languages of the log-in page to go through. */
export function adminJourney({ langs = ['fr', 'ar'] as ('fr' | 'ar')[] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];
    test(`${lang}: log in to the back office and out again`, async ({ page }) => {
      await ownClientAddress(page);
      // Logged out, the back office sends the visitor to its door.
      await page.goto('/admin');
      await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin$/);
      await page.goto(`/admin/login?lang=${lang}&next=%2Fadmin`);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('h1')).toHaveText(words.title);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');

      // An address without an account: the same message as a wrong password.
      await page.getByLabel(lang === 'fr' ? 'Adresse électronique' : 'البريد الإلكتروني').fill('nobody@ccme.example');
      await page.locator('#admin-password').fill('not the password at all');
      await page.getByRole('button', { name: words.logIn, exact: true }).click();
      await expect(page.locator('.admin-login [role="alert"]')).toHaveText(words.refused);
      await expect(page).toHaveURL(/error=refused/);

      await page.locator('#admin-email').fill(ADMIN.email);
      await page.locator('#admin-password').fill(ADMIN.password);
      await page.getByRole('button', { name: words.logIn, exact: true }).click();
      await expect(page).toHaveURL(/\/admin$/);
      await expectNotHydrated(page);
      await expect(page.locator('h1')).toContainText(ADMIN.email);
      await expect(page.locator('.admin-role')).toHaveText(words.role);
      // Administrators reach the accounts from the dashboard.
      await page.locator('main a[href="/admin/accounts"]').click();
      await expect(page.locator(`[data-account="${ADMIN.email}"]`)).toContainText(words.role);
      await page.goto('/admin');
      // The session cookie is out of scripts' reach.
      const cookie = (await page.context().cookies()).find((c) => c.name === 'ccme_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Strict');

      await page.getByRole('button', { name: words.logOut, exact: true }).click();
      await expect(page).toHaveURL(/\/admin\/login\?done=out/);
      await page.goto('/admin');
      await expect(page).toHaveURL(/\/admin\/login/);
    });
  }
}
