// First run: a new workspace asks the analyst's name and opens the sample article ready to tag.
import { expect, test } from './support/fixtures';
import { WorkbenchPage } from './support/workbench-page';

test('a new analyst names themself and finds the sample article ready to tag', async ({ page, host }) => {
  const workbench = new WorkbenchPage(page);
  await workbench.open(host.url);
  await expect(page.getByRole('dialog', { name: 'Welcome to Tagwright' })).toBeVisible();
  await workbench.completeFirstRun('Dana Analyst');
  await expect(page.getByText('Analyst: Dana Analyst')).toBeVisible();
  await expect(workbench.documentList.getByRole('button')).toHaveCount(1);
  await expect(workbench.documentText).toContainText('Russian Special Envoy for Syrian Settlement');
  await expect(page.getByRole('button', { name: 'Tag as Claim' })).toBeVisible();
  await page.screenshot({ path: 'test-results/first-run.png' });
});
