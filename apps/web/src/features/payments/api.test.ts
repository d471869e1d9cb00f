import { approvalOf, fileNameOf } from './api';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(fileNameOf(`attachment; filename="platebni-prikazy.xml"; filename*=UTF-8''platebn%C3%AD-p%C5%99%C3%ADkazy.xml`, 'x.xml')).toBe('platební-příkazy.xml');
    expect(fileNameOf('attachment; filename="platebni-prikazy-HMP-20261204-ABC.xml"', 'x.xml')).toBe('platebni-prikazy-HMP-20261204-ABC.xml');
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A; filename=plain.csv`, 'x.csv')).toBe('plain.csv');
    expect(fileNameOf(null, 'platebni-prikazy.csv')).toBe('platebni-prikazy.csv');
  });
});

describe('approvalOf (four eyes)', () => {
  it('lets another officer approve an order waiting for approval, never its own author, and nothing in another state', () => {
    expect(approvalOf({ status: 'ordered', orderedBy: 'u1' }, 'u2')).toBe('approvable');
    expect(approvalOf({ status: 'ordered', orderedBy: 'u1' }, 'u1')).toBe('own');
    expect(approvalOf({ status: 'held', orderedBy: 'u1' }, 'u2')).toBe('none');
    expect(approvalOf({ status: 'approved', orderedBy: 'u1' }, 'u2')).toBe('none');
    expect(approvalOf({ status: 'ordered', orderedBy: 'u1' }, undefined)).toBe('approvable');
  });
});
