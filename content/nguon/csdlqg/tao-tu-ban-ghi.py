#!/usr/bin/env python3
"""Turns national TTHC database records (read from a public crawl) into our own content/thu-tuc/<code>.md files.

Provenance tool, not part of the site: see README.md beside it for the source, the selection and the field mapping.
Usage: tao-tu-ban-ghi.py <raw-dir> <content-dir> <codes-file> <thoi-han-theo-nguon.json>
  MERGE="codes…" fills only the empty fields of existing files (province records) for those codes.
"""
import json, os, re, sys, glob, unicodedata

RAW, CONTENT, CODES, OVERRIDES = sys.argv[1:5]
COMMIT = "53229487610b07e0d7127f529b87c333f19aeb1e"
TODAY = "2026-12-06"
REGENERATE = {"1.001193", "1.000894", "1.000656", "1.004222", "1.001612"}
MINISTRY = {
    "bo-tu-phap": "Bộ Tư pháp", "bo-cong-an": "Bộ Công an", "bo-tai-chinh": "Bộ Tài chính",
    "bo-nong-nghiep-mt": "Bộ Nông nghiệp và Môi trường", "bo-xay-dung": "Bộ Xây dựng",
    "ngan-hang-nha-nuoc": "Ngân hàng Nhà nước Việt Nam",
}
CHANNEL = {"Trực tiếp": "truc-tiep", "Trực tuyến": "truc-tuyen", "Dịch vụ bưu chính": "buu-chinh"}
ONE_STOP = ("Bộ phận Một cửa (Trung tâm Phục vụ hành chính công xã, phường nơi bạn cư trú đối với thủ tục cấp xã; "
            "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh đối với thủ tục cấp tỉnh)")

overrides = json.load(open(OVERRIDES)) if os.path.exists(OVERRIDES) else {}


def q(s):
    return json.dumps(s, ensure_ascii=False)


def clean(s):
    s = unicodedata.normalize("NFC", s or "").replace("\r", "").replace("\xa0", " ")
    s = re.sub(r"[ \t]+\n", "\n", s)
    s = re.sub(r"[ \t]{2,}", " ", s)
    return s.strip()


def money(n):
    return f"{n:,}".replace(",", ".")


def parse_channels(text):
    """'Hình thức nộpThời gianPhí, lệ phíMô tả' + rows '<kênh><thời gian><phí>(<mô tả>)'."""
    body = text.replace("Hình thức nộpThời gianPhí, lệ phíMô tả", "", 1)
    parts = re.split(r"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\d|Không|Miễn|\s*\d)", body)
    rows = []
    for i in range(1, len(parts) - 1, 2):
        rows.append((parts[i], parts[i + 1]))
    out = []
    for channel, rest in rows:
        m = re.match(r"\s*(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ|Tháng|Năm)?", rest)
        time, unit = (m.group(1), m.group(2)) if m else (None, None)
        rest2 = rest[m.end():] if m else rest
        if not m and rest.startswith("Không có thông tin"):
            rest2 = rest[len("Không có thông tin"):]
        fee_m = re.match(r"\s*(Miễn phí|Không có thông tin|Không có|Không|[\d.,]+\s*(?:Việt Nam Đồng|VNĐ|Đồng|đồng)?)", rest2)
        fee = fee_m.group(1).strip() if fee_m else ""
        desc = rest2[fee_m.end():].strip() if fee_m else rest2.strip()
        if desc.startswith("(") and desc.endswith(")"):
            desc = desc[1:-1]
        while desc.startswith("(") and desc.endswith(")"):
            desc = desc[1:-1]
        out.append(dict(channel=channel, time=time, unit=unit, fee=fee, desc=desc.strip()))
    return out


def fee_text(fee):
    m = re.match(r"([\d.,]+)\s*(?:Việt Nam Đồng|VNĐ|Đồng|đồng)?$", fee)
    if m:
        n = int(re.sub(r"[.,]", "", m.group(1)))
        return f"{money(n)} đồng", n
    if fee in ("Không có", "Không", ""):
        return "Không thu phí, lệ phí", None
    if fee == "Không có thông tin":
        return "Bản ghi không ghi mức phí, lệ phí", None
    return fee, None


def unit_text(unit):
    return {"Ngày làm việc": "ngày làm việc", "Ngày": "ngày", "Giờ": "giờ", "Tháng": "tháng", "Năm": "năm"}.get(unit, unit)


CODE = r"\d{1,4}(?:\.\d+)?/\d{4}/[A-ZĐ][A-ZĐa-z0-9\-]*?"
SEP = "\u241e"


def parse_legal(text):
    body = text.replace("Tên văn bản pháp lýMã văn bản", "", 1).strip()
    # Rows are "<tên văn bản><mã văn bản>" glued together; a row ends where a code meets the capital of the next name.
    body = re.sub(r"(/\d{4})(?=\d{1,4}(?:\.\d+)?/\d{4}/)", r"\1 — ", body)
    body = re.sub(r"(?<![\d/])(" + CODE + r")\1(?=[A-ZĐÂ]|\s|$)", r"\1" + SEP, body)
    def split(m):
        before, code = m.group(1), m.group(2)
        return (before + " (" + code + ")" if before and not before.isspace() else before + code) + SEP
    body = re.sub(r"(.?)(?<![\d/])(\d{1,4}(?:\.\d+)?/\d{4}/[A-ZĐ][A-ZĐ0-9\-]*)(?=[A-ZĐÂ][a-zà-ỹ]|\s*$)", split, body)
    # A code glued to the end of its name but followed by a space before the next name ("…Bộ Tư pháp18/2026/NĐ-CP Nghị định…").
    body = re.sub(r"(?<=[^\s\d/(])(\d{1,4}(?:\.\d+)?/\d{4}/[A-ZĐ][A-ZĐ0-9\-]*)\s+(?=[A-ZĐÂ][a-zà-ỹ])", lambda m: " (" + m.group(1) + ")" + SEP, body)
    items, seen = [], set()
    for item in body.split(SEP):
        item = re.sub(r"\s+", " ", item).strip(" ;")
        m = re.match(r"(.*) \((" + CODE.replace("*?", "*") + r")\)$", item)
        if m and m.group(2) in m.group(1):
            item = m.group(1)
        if item and item not in seen:
            seen.add(item)
            items.append(item)
    return items


HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
COUNT_RE = re.compile(r"(\d+) (bản chính|bản sao|bản chụp)((?:,\s*\d+ bản (?:chính|sao|chụp))*)")
FORM_RE = re.compile(r"([^;:]*?\.(?:docx?|pdf|xlsx?|DOCX?|PDF))$")


def parse_documents(text):
    docs, notes = [], []
    segments = text.split(HEADER)
    heading = ""
    for index, segment in enumerate(segments):
        if index == 0:
            heading = segment.strip(" *-:\n")
            continue
        pos = 0
        items = []
        for m in COUNT_RE.finditer(segment):
            items.append((segment[pos:m.start()], m.group(0)))
            pos = m.end()
        trailing = segment[pos:].strip(" *-:\n")
        for name, count in items:
            name = name.strip()
            form = None
            fm = FORM_RE.search(name)
            if fm and len(name) - len(fm.group(1)) > 15:
                form = fm.group(1).strip()
                name = name[: fm.start()].strip()
            originals = copies = None
            for n, kind in re.findall(r"(\d+) bản (chính|sao|chụp)", count):
                if kind == "chính":
                    originals = int(n)
                else:
                    copies = int(n)
            name = re.sub(r"^[-+•*]\s*", "", name).strip()
            if not name:
                continue
            if (originals or 0) == 0 and (copies or 0) == 0:
                notes.append(name)
                continue
            label = name
            if heading and heading not in ("--", "-") and not heading.startswith("Giấy tờ phải nộp") and len(heading) < 300:
                label = f"{heading.rstrip(':')}: {name}"
            docs.append(dict(name=label, originals=originals, copies=copies, form=form))
        heading = trailing
    return docs, notes


def result_text(text):
    text = text.split("Từ khóa")[0]
    names = [re.sub(r"\s+", " ", n).strip(" .") for n in re.split(r"Mã: KQ\.[A-Z]\d+\.\d+", text) if n.strip()]
    return "; ".join(names)


def online_is_offered(record):
    return "Nộp hồ sơ" in record.get("ket_qua_xu_ly", "")


def levels_of(cap, agency=""):
    levels = []
    if "Cấp tỉnh" not in cap and "Cấp xã" not in cap:
        # A record filed only at ministry level whose own agency field names the provincial or commune police.
        if "Công an tỉnh" in agency:
            levels.append("tinh")
        if "cấp xã" in agency.lower():
            levels.append("xa")
        return levels
    if "Cấp tỉnh" in cap:
        levels.append("tinh")
    if "Cấp xã" in cap:
        levels.append("xa")
    return levels


def trinh_tu(text):
    lines = [l.strip() for l in clean(text).split("\n")]
    out = []
    for l in lines:
        if not l:
            continue
        out.append(l)
    return "\n\n".join(out)


def build(record, bo, existing_front=None):
    code = record["ma_thu_tuc"]
    ov = overrides.get(code, {})
    rows = parse_channels(record.get("cach_thuc_thuc_hien", ""))
    channels = []
    for r in rows:
        c = CHANNEL[r["channel"]]
        if c not in channels:
            channels.append(c)
    # Time limit with its unit, per channel; a bare number without unit is never shown as a time.
    bare = [r for r in rows if r["time"] and not r["unit"]]
    times = {}
    for r in rows:
        if r["time"] and r["unit"]:
            times.setdefault(f"{r['time']} {unit_text(r['unit'])}", []).append(r["channel"])
    days = ""
    if len(times) == 1 and not bare:
        only = next(iter(times))
        time_limit = only
        m = re.match(r"(\d+) ngày làm việc$", only)
        days = m.group(1) if m else ""
    elif times and not bare:
        time_limit = "; ".join(f"{', '.join(ch)}: {t}" for t, ch in times.items())
    else:
        time_limit = ""
    not_published = {}
    if "time_limit" in ov:
        time_limit = ov["time_limit"]
        days = ov.get("time_limit_days", days)
    elif not time_limit:
        if bare:
            not_published["time_limit"] = (
                f"Bản ghi Cơ sở dữ liệu quốc gia về TTHC chỉ ghi con số “{bare[0]['time']}” mà không ghi đơn vị (ngày, giờ hay ngày làm việc), "
                f"nên cổng không tự suy ra thời hạn. Hãy hỏi {ONE_STOP} thời hạn trả kết quả khi nộp hồ sơ.")
        else:
            not_published["time_limit"] = f"Bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi thời hạn giải quyết. Hãy hỏi {ONE_STOP}."
    # Fees per channel, in đồng, with the record's own description.
    fee_parts, amounts = [], []
    descs = set()
    for r in rows:
        text, n = fee_text(r["fee"])
        if n:
            amounts.append(n)
        part = f"{r['channel']}: {text}"
        if r["desc"] and r["desc"] not in descs:
            part += f" ({r['desc']})"
            descs.add(r["desc"])
        fee_parts.append(part)
    fee = "; ".join(fee_parts)
    if re.search(r"Hội đồng nhân dân (tỉnh|cấp tỉnh)", fee):
        fee += (" — Mức thu ở Tây Ninh do Hội đồng nhân dân tỉnh quyết định; cổng chưa có nghị quyết của HĐND tỉnh Tây Ninh về mức này, "
                "hãy hỏi Bộ phận Một cửa trước khi nộp.")
    if "fee" in ov:
        fee = ov["fee"]
    if not fee:
        not_published["fee"] = f"Bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi phí, lệ phí. Hãy hỏi {ONE_STOP}."
    agency = clean(record.get("co_quan_thuc_hien", ""))
    if agency in ("", "Không có thông tin"):
        agency = clean(record.get("co_quan_co_tham_quyen", ""))
    if agency in ("", "Không có thông tin"):
        agency = ov.get("agency_text", "")
    if not agency:
        steps = clean(record.get("trinh_tu_thuc_hien", ""))
        for known in ("Cơ quan đăng ký kinh doanh cấp xã", "Cơ quan đăng ký kinh doanh cấp tỉnh", "Ủy ban nhân dân cấp xã", "Công an cấp xã"):
            if known in steps:
                agency = f"{known} (theo Trình tự thực hiện của bản ghi; trường “Cơ quan thực hiện” của bản ghi ghi “Không có thông tin”)"
                break
    if not agency:
        not_published["agency"] = f"Bản ghi Cơ sở dữ liệu quốc gia về TTHC ghi cơ quan thực hiện là “Không có thông tin”. Hãy hỏi {ONE_STOP}."
    audiences = [a.strip() for a in re.split(r",\s*(?![^()]*\))", clean(record.get("doi_tuong_thuc_hien", ""))) if a.strip()]
    result = result_text(record.get("ket_qua_xu_ly", ""))
    if not result:
        not_published["result"] = "Bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi kết quả thực hiện."
    requirements = clean(record.get("yeu_cau_dieu_kien", ""))
    if requirements in ("", "Không có thông tin"):
        requirements = ""
        not_published["requirements"] = "Bản ghi Cơ sở dữ liệu quốc gia về TTHC ghi yêu cầu, điều kiện là “Không có thông tin”: không có điều kiện riêng được công bố."
    legal = parse_legal(record.get("can_cu_phap_ly", ""))
    docs, doc_notes = parse_documents(record.get("thanh_phan_ho_so", ""))
    if not docs:
        not_published["documents"] = f"Bản sao của bản ghi Cơ sở dữ liệu quốc gia về TTHC mà cổng đọc được không có danh sách giấy tờ (phần thành phần hồ sơ bị thiếu hoặc lẫn nội dung khác khi thu thập); xem trang gốc ở dòng đầu phần mô tả bên dưới, hoặc hỏi {ONE_STOP}."
    place = clean(record.get("dia_chi_tiep_nhan", ""))
    if not place:
        not_published["place"] = (
            "Chưa có văn bản của tỉnh Tây Ninh công bố nơi nộp thủ tục này, và bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi địa chỉ tiếp nhận. "
            f"Theo Nghị định 118/2025/NĐ-CP, hồ sơ được nhận tại {ONE_STOP}"
            + ("; có thể nộp trực tuyến qua Cổng Dịch vụ công quốc gia." if "truc-tuyen" in channels else "."))
    online_url = record["detail_url"] if "truc-tuyen" in channels else ""
    not_published["online_level"] = (
        "Bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi mức độ dịch vụ công trực tuyến (toàn trình hay một phần) và tỉnh Tây Ninh chưa công bố mức này cho thủ tục; "
        + ("bản ghi có nút “Nộp hồ sơ” trực tuyến trên Cổng Dịch vụ công quốc gia." if "truc-tuyen" in channels else "bản ghi không nêu cách nộp trực tuyến."))
    if "truc-tuyen" not in channels:
        not_published["online_url"] = "Bản ghi Cơ sở dữ liệu quốc gia về TTHC không nêu cách nộp trực tuyến cho thủ tục này."
    if not audiences:
        not_published["audiences"] = "Bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi đối tượng thực hiện."
    if not legal:
        not_published["legal_basis"] = "Bản ghi Cơ sở dữ liệu quốc gia về TTHC không ghi căn cứ pháp lý."
    for key in ov.get("published", []):
        not_published.pop(key, None)
    source_extra = ov.get("source_extra", "")
    ministry = MINISTRY.get(bo, bo)
    front = {
        "code": code,
        "name": re.sub(r"\s+", " ", clean(record["ten_thu_tuc"])).rstrip("."),
        "field": ov.get("field", clean(record["linh_vuc"])),
        "agencies": [],
        "agency_text": agency,
        "levels": levels_of(record["cap_thuc_hien"], clean(record.get("co_quan_thuc_hien", ""))),
        "audiences": audiences,
        "channels": channels,
        "time_limit": time_limit,
        "time_limit_days": days,
        "fee": fee,
        "fee_amounts": sorted(set(amounts)),
        "result": result,
        "requirements": requirements,
        "legal_basis": legal,
        "online_level": "",
        "online_level_legacy": "",
        "online_url": online_url,
        "place": place,
        "documents": docs,
        "not_published": not_published,
        "published_by": f"Quyết định số {record['so_quyet_dinh']} của {ministry} (số hiệu theo bản ghi Cơ sở dữ liệu quốc gia về TTHC; chưa đọc văn bản quyết định, chưa rõ ngày ban hành)",
        "source": (f"Bản ghi Cơ sở dữ liệu quốc gia về TTHC: {record['detail_url']} (cấp thực hiện theo bản ghi: {record['cap_thuc_hien']}); "
                   f"đọc qua bản thu thập công khai ở kho GitHub chatbot-tthc/chatbot_tthc, tệp scripts/crawler/data/raw/{bo}/{code}.json (commit {COMMIT})"
                   + (f". {source_extra}" if source_extra else "")),
        "last_verified": TODAY,
    }
    body = []
    body.append("Nội dung dưới đây lấy từ bản ghi Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia), "
                f"[trang gốc]({record['detail_url']}). Văn bản của trang gốc bị nối liền khi thu thập; cổng chỉ tách lại các dòng, không sửa nội dung.")
    if ov.get("note"):
        body.append(ov["note"])
    tt = trinh_tu(record.get("trinh_tu_thuc_hien", ""))
    if tt:
        body.append("## Trình tự thực hiện\n\n" + tt)
    if doc_notes:
        body.append("## Lưu ý về hồ sơ\n\n" + "\n".join(f"- {n}" for n in doc_notes))
    return front, "\n\n".join(body) + "\n"


def yaml(front):
    out = ["---"]
    for k, v in front.items():
        if isinstance(v, list):
            if not v:
                out.append(f"{k}: []")
            elif k == "documents":
                out.append(f"{k}:")
                for d in v:
                    out.append(f"  - name: {q(d['name'])}")
                    if d.get("originals") is not None:
                        out.append(f"    originals: {d['originals']}")
                    if d.get("copies") is not None:
                        out.append(f"    copies: {d['copies']}")
                    if d.get("form"):
                        out.append(f"    form: {q(d['form'])}")
            else:
                out.append(f"{k}:")
                for item in v:
                    out.append(f"  - {item if isinstance(item, int) else q(item)}")
        elif isinstance(v, dict):
            if not v:
                out.append(f"{k}: {{}}")
            else:
                out.append(f"{k}:")
                for kk, vv in v.items():
                    out.append(f"  {kk}: {q(vv)}")
        elif k == "last_verified":
            out.append(f"{k}: {v}")
        else:
            out.append(f"{k}: {q(v)}")
    out.append("---")
    return "\n".join(out) + "\n"


MERGE = set(os.environ.get("MERGE", "").split())


def merge(target, record, bo):
    """Fills the fields a province's danh mục does not give from the national record; keeps every value it gave."""
    import yaml as pyyaml
    text = open(target, encoding="utf-8").read()
    _, fm, body = text.split("---\n", 2)
    old = pyyaml.safe_load(fm)
    new, _ = build(record, bo)
    filled = []
    for key in ("agency_text", "audiences", "channels", "result", "requirements", "documents", "legal_basis", "online_url", "fee", "time_limit"):
        if not old.get(key) and new.get(key):
            old[key] = new[key]
            filled.append(key)
    not_published = {}
    for key, reason in new["not_published"].items():
        target_key = "agency_text" if key == "agency" else key
        if not old.get(target_key) and not (key == "online_level" and old.get("online_level")):
            not_published[key] = reason
    old["not_published"] = not_published
    old["documents"] = old.get("documents") or []
    for key in ("time_limit_days", "online_level", "online_level_legacy", "online_url", "place", "result", "requirements"):
        old[key] = "" if old.get(key) is None else str(old[key])
    old["last_verified"] = str(old["last_verified"])
    old["source"] = (old["source"] + ". Các trường " + ", ".join(filled) + " bổ sung từ " + new["source"]) if filled else old["source"]
    order = list(new.keys())
    rest = [k for k in old if k not in order]
    merged = {k: old[k] for k in order + rest if k in old}
    open(target, "w", encoding="utf-8").write(yaml(merged) + "\n" + body.lstrip("\n"))


def main():
    codes = [l.split("#")[0].strip() for l in open(CODES) if l.split("#")[0].strip()]
    index = {}
    for f in glob.glob(os.path.join(RAW, "*", "*.json")):
        index[os.path.basename(f)[:-5]] = (f, f.split(os.sep)[-2])
    written = skipped = 0
    for code in codes:
        if code not in index:
            print("missing", code, file=sys.stderr)
            continue
        path, bo = index[code]
        record = json.load(open(path))
        target = os.path.join(CONTENT, f"{code}.md")
        if os.path.exists(target) and code not in REGENERATE:
            if code in MERGE:
                merge(target, record, bo)
                written += 1
            else:
                skipped += 1
            continue
        front, body = build(record, bo)
        if not front["levels"]:
            print("no level", code, record["cap_thuc_hien"], file=sys.stderr)
            continue
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(yaml(front) + "\n" + body)
        written += 1
    print("written", written, "skipped existing", skipped)


if __name__ == "__main__":
    main()
