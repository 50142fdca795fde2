/**
 * The notice parser against the State Council's notices for 2025 and 2026 as they were written
 * (heading, greeting and closing included), compared with chinese-days' data for those years, and
 * against the variants and mistakes a manager's paste may bring.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { NOTHING_FOUND, parseHolidayNotice } from '@/core/sla/holiday-notice';

const notice = (year: number, items: string[]) => `国务院办公厅关于${year}年部分节假日安排的通知
国办发明电〔${year - 1}〕7号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
  经国务院批准，依据《全国年节及纪念日放假办法》的规定，现将${year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
${items.join('\n')}
  节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

国务院办公厅
${year - 1}年11月4日
`;

const ITEMS_2025 = [
  '一、元旦：1月1日（周三）放假1天，不调休。',
  '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。',
  '三、清明节：4月4日（周五）至6日（周日）放假，共3天。',
  '四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。',
  '五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。',
  '六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。',
];

const ITEMS_2026 = [
  '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。',
  '二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。',
  '三、清明节：4月4日（周六）至6日（周一）放假，共3天。',
  '四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。',
  '五、端午节：6月19日（周五）至21日（周日）放假，共3天。',
  '六、中秋节：9月25日（周五）至27日（周日）放假，共3天。',
  '七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。',
];

const officialDates = (key: 'holidays' | 'workdays', year: number) =>
  Object.keys(chineseDays[key] as Record<string, string>).filter((d) => d.startsWith(`${year}-`)).sort();

const parsed = (text: string, year: number) => {
  const r = parseHolidayNotice(text, year);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const dates = (days: { date: string }[]) => days.map((d) => d.date);
const message = (text: string, year = 2026) => {
  const r = parseHolidayNotice(text, year);
  return r.ok ? 'ok' : r.message;
};

describe('parseHolidayNotice: the real notices', () => {
  it.each([
    [2025, ITEMS_2025],
    [2026, ITEMS_2026],
  ])('%i: exactly chinese-days\' holidays and adjusted working days', (year, items) => {
    const r = parsed(notice(year, items), year);
    expect(dates(r.holidays)).toEqual(officialDates('holidays', year));
    expect(dates(r.workdays)).toEqual(officialDates('workdays', year));
  });

  it('names each day after its item; a combined item keeps its combined name', () => {
    const r = parsed(notice(2025, ITEMS_2025), 2025);
    const name = (date: string) => r.holidays.find((d) => d.date === date)?.name;
    expect([name('2025-01-01'), name('2025-02-04'), name('2025-04-05'), name('2025-06-02'), name('2025-10-06')]).toEqual([
      '元旦', '春节', '清明节', '端午节', '国庆节、中秋节',
    ]);
    expect(r.workdays).toEqual([
      { date: '2025-01-26', name: '春节' },
      { date: '2025-02-08', name: '春节' },
      { date: '2025-04-27', name: '劳动节' },
      { date: '2025-09-28', name: '国庆节、中秋节' },
      { date: '2025-10-11', name: '国庆节、中秋节' },
    ]);
  });

  it('ignores the heading, the greeting and the closing: the items alone parse the same', () => {
    expect(parsed(ITEMS_2026.join('\n'), 2026)).toEqual(parsed(notice(2026, ITEMS_2026), 2026));
  });

  it('does not need the line breaks, the numbering or full-width parentheses and digits', () => {
    const expected = parsed(notice(2026, ITEMS_2026), 2026);
    const oneLine = notice(2026, ITEMS_2026).replace(/\n/g, '');
    const plain = ITEMS_2026.map((item) => item.replace(/^[一二三四五六七]、/, '').replace(/（/g, '(').replace(/）/g, ')')).join(' ');
    const fullWidth = ITEMS_2026.join('\n').replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(parsed(oneLine, 2026)).toEqual(expected);
    expect(parsed(plain, 2026)).toEqual(expected);
    expect(parsed(fullWidth, 2026)).toEqual(expected);
  });

  it('sorts by date whatever the order of the items', () => {
    expect(parsed([...ITEMS_2026].reverse().join('\n'), 2026)).toEqual(parsed(ITEMS_2026.join('\n'), 2026));
  });
});

describe('parseHolidayNotice: forms of dates', () => {
  it('a range across months, with 中秋节、国庆节 combined', () => {
    const r = parsed('一、中秋节、国庆节：9月29日（星期五）至10月6日（星期五）放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。', 2023);
    expect(r.holidays).toEqual(
      ['09-29', '09-30', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06'].map((d) => ({ date: `2023-${d}`, name: '中秋节、国庆节' })),
    );
    expect(dates(r.workdays)).toEqual(['2023-10-07', '2023-10-08']);
  });

  it('a single day, and 补休 as a day off (older notices)', () => {
    expect(dates(parsed('三、清明节：4月5日放假，与周末连休。', 2026).holidays)).toEqual(['2026-04-05']);
    expect(dates(parsed('一、元旦：1月1日放假，1月2日（星期一）补休。', 2017).holidays)).toEqual(['2017-01-01', '2017-01-02']);
  });

  it('explicit years are kept, other dates belong to the given year', () => {
    const r = parsed('一、元旦：2025年12月31日（周三）至2026年1月1日（周四）放假调休，共2天。2025年12月28日（周日）、1月4日（周日）上班。', 2026);
    expect(dates(r.holidays)).toEqual(['2025-12-31', '2026-01-01']);
    expect(dates(r.workdays)).toEqual(['2025-12-28', '2026-01-04']);
    expect(dates(parsed('一、元旦：2012年1月1日至3日放假调休，共3天。2011年12月31日（星期六）上班。', 2012).holidays)).toEqual([
      '2012-01-01', '2012-01-02', '2012-01-03',
    ]);
    // The end of a range is in its start's year; a listed date with a month but no year is in `year`.
    expect(dates(parsed('二、春节：2025年1月28日至2月4日放假调休，共8天。', 2026).holidays)).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    ]);
  });

  it('the 上班 list separated by 、 or ，, a later date taking the month from the one before', () => {
    expect(dates(parsed('二、春节：2月15日至23日放假调休，共9天。2月14日（周六），2月28日（周六）上班。', 2026).workdays)).toEqual(['2026-02-14', '2026-02-28']);
    expect(dates(parsed('二、春节：2月15日至23日放假调休，共9天。2月14日、28日上班。', 2026).workdays)).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('调休放假 is 放假; a numbered item may name another day off', () => {
    const r = parsed('八、某纪念日：9月3日（星期四）至5日（星期六）调休放假，共3天。9月6日（星期日）上班。', 2015);
    expect(r.holidays).toEqual(['03', '04', '05'].map((d) => ({ date: `2015-09-${d}`, name: '某纪念日' })));
    expect(r.workdays).toEqual([{ date: '2015-09-06', name: '某纪念日' }]);
  });

  it('a day named twice is listed once, under the first item', () => {
    const r = parsed('六、中秋节：10月1日放假。七、国庆节：10月1日至3日放假，共3天。', 2020);
    expect(r.holidays).toEqual([
      { date: '2020-10-01', name: '中秋节' },
      { date: '2020-10-02', name: '国庆节' },
      { date: '2020-10-03', name: '国庆节' },
    ]);
  });
});

describe('parseHolidayNotice: mistakes, in Chinese', () => {
  it('a range that does not match its 「共N天」 or 「放假N天」', () => {
    expect(message('二、春节：2月15日（周日）至22日（周日）放假调休，共9天。')).toBe('春节：放假日期共8天，与"共9天"不符');
    expect(message('一、元旦：1月1日至2日放假1天，不调休。')).toBe('元旦：放假日期共2天，与"放假1天"不符');
  });

  it('an impossible date, named', () => {
    expect(message('二、春节：2月28日至2月30日放假调休，共3天。')).toBe('春节：2月30日不是有效日期');
    expect(message('一、元旦：2027年2月29日上班。')).toBe('元旦：2027年2月29日不是有效日期');
    expect(message('七、国庆节：13月1日放假。')).toBe('国庆节：13月1日不是有效日期');
    expect(message('七、国庆节：10月0日放假。')).toBe('国庆节：10月0日不是有效日期');
  });

  it('a range ending before it starts, a date without its month, a day both off and worked', () => {
    expect(message('一、元旦：12月31日至1月2日放假调休，共3天。')).toBe('元旦：12月31日至1月2日，结束日期早于开始日期');
    expect(message('一、元旦：1日至3日放假。')).toBe('元旦："1日"没有写月份');
    expect(message('一、元旦：1月1日至3日放假。1月3日上班。')).toBe('2026年1月3日既写了放假又写了上班，请核对通知原文');
  });

  it('nothing to read: empty, unrelated, or only the notice\'s heading and closing', () => {
    expect(message('')).toBe(NOTHING_FOUND);
    expect(message('业主您好，本周六停水')).toBe(NOTHING_FOUND);
    expect(message(notice(2026, []))).toBe(NOTHING_FOUND);
    expect(message('一、元旦：放假安排另行通知。')).toBe(NOTHING_FOUND);
    expect(NOTHING_FOUND).toBe('没有识别到放假安排，请粘贴国务院办公厅的通知原文');
  });
});
