/**
 * CSV of tickets and of figures: what Excel needs to open Chinese (BOM), RFC 4180 quoting and
 * CRLF, and cells that would run as formulas defused.
 */
import { BOM, csvCell, csvText, factsCsv, figuresCsv } from '@/core/kpi/csv';
import { ticketFacts } from '@/core/kpi/facts';
import { figuresOf } from '@/core/kpi/figures';
import { tallyOf } from '@/core/kpi/tally';
import { DEFAULT_POLICY } from '../fixtures';
import { TICKETS } from './dataset';

const ALL = Object.values(TICKETS).map((t) => ticketFacts(t, DEFAULT_POLICY));
const rows = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1);

describe('csv', () => {
  it('RFC 4180 quoting: commas, quotes and line breaks; numbers and empties as they are', () => {
    expect(csvCell('阳光花园')).toBe('阳光花园');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"漏水"')).toBe('"他说""漏水"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('formula injection: = + - @ (and tab, CR) get a leading quote', () => {
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvCell('+86 139')).toBe("'+86 139");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('BOM first, CRLF after every row', () => {
    expect(csvText([['a', 'b'], [1, null]])).toBe(`${BOM}a,b\r\n1,\r\n`);
  });

  it('tickets: Chinese headers, one row per ticket, times in China time', () => {
    const csv = factsCsv(ALL);
    expect(csv.startsWith('\uFEFF工单号,类型,类别,区域,小区,班组,处理人,协办单,提交时间,状态,结单时间,派单用时(分钟)')).toBe(true);
    const lines = rows(csv);
    expect(lines).toHaveLength(13);
    const header = lines[0].split(',');
    const e = lines.find((l) => l.startsWith(TICKETS.E.no))!.split(',');
    const col = (name: string) => e[header.indexOf(name)];
    expect([col('类型'), col('类别'), col('小区'), col('处理人'), col('状态')]).toEqual(['报修', '水电', '天利龙腾湾', '王师傅', '已完成']);
    expect([col('提交时间'), col('结单时间'), col('完工用时(分钟)'), col('结单用时(分钟)')]).toEqual(['2026-11-30 17:00', '2026-12-01 09:00', '50', '960']);
    expect([col('返单时限'), col('回访方式'), col('处理满意度'), col('人员满意度')]).toEqual(['超时', '业主评价', '5', '3']);
    const g = lines.find((l) => l.startsWith(TICKETS.G.no))!.split(',');
    expect(g[header.indexOf('被投诉人员')]).toBe('王师傅');
    expect(g[header.indexOf('类别')]).toBe('服务态度');
  });

  it('an owner’s words cannot become a formula in the tickets CSV', () => {
    const f = { ...ALL[0], community: '=1+1', handler: { staffId: 'x', name: '@evil' } };
    const line = rows(factsCsv([f]))[1];
    expect(line).toContain(",'=1+1,");
    expect(line).toContain(",'@evil,");
  });

  it('figures: one row per group, rates as percentages, minutes with one decimal', () => {
    const csv = figuresCsv([{ label: '2026-11', figures: figuresOf(tallyOf(ALL.filter((f) => f.day < '2026-12-01'))) }], '月份');
    const [header, row] = rows(csv).map((l) => l.split(','));
    const col = (name: string) => row[header.indexOf(name)];
    expect(header[0]).toBe('月份');
    expect([col('月份'), col('工单量'), col('完成率'), col('回访率'), col('人员满意率'), col('返修率')]).toEqual(['2026-11', '11', '90.0%', '77.8%', '85.7%', '22.2%']);
    // 9/10 done; callbacks 7/9; staff satisfied 6/7; reopened 2/9
    expect([col('派单及时率'), col('公区大修及时率'), col('派单用时平均(分钟)'), col('派单用时90%分位(分钟)'), col('IC卡办理用时平均(分钟)')]).toEqual([
      '88.9%', // 8/9
      '', // nothing to count
      '2',
      '5',
      '12',
    ]);
  });
});

it('every CSV header is unique', () => {
  for (const csv of [factsCsv(ALL), figuresCsv([{ label: 'x', figures: figuresOf(tallyOf(ALL)) }])]) {
    const header = rows(csv)[0].split(',');
    expect(new Set(header).size).toBe(header.length);
  }
});
