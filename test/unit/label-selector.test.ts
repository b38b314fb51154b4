import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { compileSelector, formatSelector, mapSelectorMatches, selectorMatches, selectorProblem, type LabelSelector } from '../../src/lib/label-selector.js';

const web = { app: 'web', tier: 'frontend', env: 'prod' };

describe('label selectors (apimachinery LabelSelectorAsSelector semantics)', () => {
  test.each<[string, LabelSelector | null | undefined, Record<string, string>, boolean]>([
    ['empty selector selects everything', {}, web, true],
    ['empty selector selects a pod with no labels', {}, {}, true],
    ['null selects nothing', null, web, false],
    ['undefined selects nothing', undefined, web, false],
    ['matchLabels all present', { matchLabels: { app: 'web', tier: 'frontend' } }, web, true],
    ['matchLabels one differs', { matchLabels: { app: 'web', tier: 'backend' } }, web, false],
    ['matchLabels key absent', { matchLabels: { team: 'a' } }, web, false],
    ['In with the value', { matchExpressions: [{ key: 'env', operator: 'In', values: ['staging', 'prod'] }] }, web, true],
    ['In without the value', { matchExpressions: [{ key: 'env', operator: 'In', values: ['staging'] }] }, web, false],
    ['In with the key absent', { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] }, web, false],
    ['NotIn with another value', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['staging'] }] }, web, true],
    ['NotIn with the value', { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, web, false],
    ['NotIn with the key absent matches', { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }] }, web, true],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, web, true],
    ['Exists, absent', { matchExpressions: [{ key: 'team', operator: 'Exists' }] }, web, false],
    ['DoesNotExist, absent', { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, web, true],
    ['DoesNotExist, present', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, web, false],
    ['Exists with an empty value label', { matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, { canary: '' }, true],
    ['matchLabels AND matchExpressions', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] }, web, false],
    ['all expressions ANDed', { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }, { key: 'tier', operator: 'NotIn', values: ['frontend'] }] }, web, false],
    ['invalid operator selects nothing', { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] }, web, false],
    ['In without values selects nothing', { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }, web, false],
    ['Exists with values selects nothing', { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] }, web, false],
    ['prototype keys are not labels', { matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {}, false],
  ])('%s', (_name, selector, labels, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  test('selectorProblem names what is wrong', () => {
    expect(selectorProblem({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] })).toMatch(/'in' is not a valid operator/);
    expect(selectorProblem({ matchExpressions: [{ key: 'a', operator: 'NotIn' }] })).toMatch(/NotIn needs at least one value/);
    expect(selectorProblem({ matchLabels: { a: 1 } })).toMatch(/matchLabels.a is not a string/);
    expect(selectorProblem({ matchLabels: { a: 'b' } })).toBeUndefined();
    expect(selectorProblem(null)).toBeUndefined();
  });

  test('Service selectors: a map; empty or missing selects no pods', () => {
    expect(mapSelectorMatches({ app: 'web' }, web)).toBe(true);
    expect(mapSelectorMatches({ app: 'api' }, web)).toBe(false);
    expect(mapSelectorMatches({}, web)).toBe(false);
    expect(mapSelectorMatches(undefined, web)).toBe(false);
  });

  test('formatSelector writes kubectl\'s form', () => {
    expect(formatSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['b', 'a'] }, { key: 'x', operator: 'DoesNotExist' }] })).toBe('app=web,env in (a,b),!x');
    expect(formatSelector({})).toBe('(everything)');
  });

  test('property: a selector built from a pod\'s own labels selects it; NotIn of its value does not', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/);
    fc.assert(
      fc.property(fc.dictionary(label, label, { minKeys: 1 }), (labels) => {
        const [k, v] = Object.entries(labels)[0] as [string, string];
        expect(compileSelector({ matchLabels: labels })(labels)).toBe(true);
        expect(compileSelector({ matchExpressions: Object.entries(labels).map(([key, value]) => ({ key, operator: 'In', values: [value, 'zz-other'] })) })(labels)).toBe(true);
        expect(compileSelector({ matchExpressions: [{ key: k, operator: 'NotIn', values: [v] }] })(labels)).toBe(false);
        expect(compileSelector({ matchExpressions: [{ key: k, operator: 'DoesNotExist' }] })(labels)).toBe(false);
      }),
    );
  });
});
