#!/usr/bin/env python3
"""Writes a ~20 MB RSS 2.0 file with realistic mixed Chinese/English items (escaped HTML
descriptions, RFC 822 dates, guids, dc:creator), for bench/parse-speed.sh."""
import sys, random

out = sys.argv[1] if len(sys.argv) > 1 else "big20.xml"
target = int(sys.argv[2]) if len(sys.argv) > 2 else 20 * 1024 * 1024
rnd = random.Random(7)
zh = ["关于进一步加强社会组织管理的通知", "民政部发布《社会团体登记管理条例》修订草案征求意见稿",
      "境外非政府组织境内活动管理法实施情况", "国务院办公厅关于印发劳动保障监察条例的通知",
      "最高人民法院关于审理劳动争议案件适用法律问题的解释", "寻衅滋事罪司法解释公开征求意见"]
en = ["Labour rights group reports detention of workers in Shenzhen", "NPC Standing Committee publishes draft law",
      "Ministry of Civil Affairs closes unregistered NGOs", "Court sentences activist for picking quarrels",
      "New regulation on overseas NGOs takes effect", "Rights lawyers held under residential surveillance"]
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel><title>国务院政策文件库 State Council policy library</title><link>https://www.gov.cn/zhengce/</link>\n')
    size, i = 0, 0
    while size < target:
        t = (rnd.choice(zh) if i % 2 else rnd.choice(en)) + f" ({i})"
        desc = (f"&lt;p&gt;{rnd.choice(zh)}。{rnd.choice(en)}. &lt;a href=&quot;https://www.gov.cn/zhengce/{i}.htm&quot;&gt;"
                f"全文 &amp;amp; attachments&lt;/a&gt;&lt;/p&gt;&lt;p&gt;{rnd.choice(zh)}，{rnd.choice(zh)}。&lt;/p&gt;")
        item = (f"<item><title>{t}</title><link>https://www.gov.cn/zhengce/content/2026-03/{i:06d}.htm</link>"
                f"<guid isPermaLink=\"false\">gov-{i}</guid><dc:creator>国务院办公厅</dc:creator>"
                f"<pubDate>{days[i % 7]}, {1 + i % 28:02d} {months[i % 12]} 2026 {i % 24:02d}:{i % 60:02d}:00 +0800</pubDate>"
                f"<description>{desc}</description></item>\n")
        f.write(item)
        size += len(item.encode())
        i += 1
    f.write("</channel></rss>\n")
print(out, i, "items")
