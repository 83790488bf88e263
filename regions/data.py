"""Reference data: the 28 States, 8 Union Territories and 25 High Courts.

Each High Court lists the States/UTs in its territorial jurisdiction. The codes
are stable identifiers used in URLs, filters and CSV files. The names are marked for the
catalogue (gettext_noop), which gives each its name in Hindi; `State.__str__` shows it.
"""

from django.utils.translation import gettext_noop

STATES = [
    # (code, name, is_union_territory)
    ("AP", gettext_noop("Andhra Pradesh"), False),
    ("AR", gettext_noop("Arunachal Pradesh"), False),
    ("AS", gettext_noop("Assam"), False),
    ("BR", gettext_noop("Bihar"), False),
    ("CG", gettext_noop("Chhattisgarh"), False),
    ("GA", gettext_noop("Goa"), False),
    ("GJ", gettext_noop("Gujarat"), False),
    ("HR", gettext_noop("Haryana"), False),
    ("HP", gettext_noop("Himachal Pradesh"), False),
    ("JH", gettext_noop("Jharkhand"), False),
    ("KA", gettext_noop("Karnataka"), False),
    ("KL", gettext_noop("Kerala"), False),
    ("MP", gettext_noop("Madhya Pradesh"), False),
    ("MH", gettext_noop("Maharashtra"), False),
    ("MN", gettext_noop("Manipur"), False),
    ("ML", gettext_noop("Meghalaya"), False),
    ("MZ", gettext_noop("Mizoram"), False),
    ("NL", gettext_noop("Nagaland"), False),
    ("OD", gettext_noop("Odisha"), False),
    ("PB", gettext_noop("Punjab"), False),
    ("RJ", gettext_noop("Rajasthan"), False),
    ("SK", gettext_noop("Sikkim"), False),
    ("TN", gettext_noop("Tamil Nadu"), False),
    ("TS", gettext_noop("Telangana"), False),
    ("TR", gettext_noop("Tripura"), False),
    ("UP", gettext_noop("Uttar Pradesh"), False),
    ("UK", gettext_noop("Uttarakhand"), False),
    ("WB", gettext_noop("West Bengal"), False),
    ("AN", gettext_noop("Andaman & Nicobar Islands"), True),
    ("CH", gettext_noop("Chandigarh"), True),
    ("DD", gettext_noop("Dadra & Nagar Haveli and Daman & Diu"), True),
    ("DL", gettext_noop("Delhi"), True),
    ("JK", gettext_noop("Jammu & Kashmir"), True),
    ("LA", gettext_noop("Ladakh"), True),
    ("LD", gettext_noop("Lakshadweep"), True),
    ("PY", gettext_noop("Puducherry"), True),
]

HIGH_COURTS = [
    # (code, name, principal seat, benches, state codes in its jurisdiction)
    ("ALL", gettext_noop("Allahabad High Court"), "Prayagraj", "Lucknow", ["UP"]),
    ("APHC", gettext_noop("High Court of Andhra Pradesh"), "Amaravati", "", ["AP"]),
    ("BOM", gettext_noop("Bombay High Court"), "Mumbai", "Nagpur, Aurangabad, Panaji", ["MH", "GA", "DD"]),
    ("CAL", gettext_noop("Calcutta High Court"), "Kolkata", "Port Blair, Jalpaiguri", ["WB", "AN"]),
    ("CGHC", gettext_noop("High Court of Chhattisgarh"), "Bilaspur", "", ["CG"]),
    ("DEL", gettext_noop("High Court of Delhi"), "New Delhi", "", ["DL"]),
    ("GAU", gettext_noop("Gauhati High Court"), "Guwahati", "Kohima, Aizawl, Itanagar", ["AS", "NL", "MZ", "AR"]),
    ("GUJ", gettext_noop("High Court of Gujarat"), "Ahmedabad", "", ["GJ"]),
    ("HPHC", gettext_noop("High Court of Himachal Pradesh"), "Shimla", "", ["HP"]),
    ("JKL", gettext_noop("High Court of Jammu & Kashmir and Ladakh"), "Srinagar/Jammu", "", ["JK", "LA"]),
    ("JHHC", gettext_noop("Jharkhand High Court"), "Ranchi", "", ["JH"]),
    ("KAR", gettext_noop("High Court of Karnataka"), "Bengaluru", "Dharwad, Kalaburagi", ["KA"]),
    ("KER", gettext_noop("High Court of Kerala"), "Ernakulam/Kochi", "", ["KL", "LD"]),
    ("MPHC", gettext_noop("High Court of Madhya Pradesh"), "Jabalpur", "Indore, Gwalior", ["MP"]),
    ("MAD", gettext_noop("Madras High Court"), "Chennai", "Madurai", ["TN", "PY"]),
    ("MNHC", gettext_noop("High Court of Manipur"), "Imphal", "", ["MN"]),
    ("MLHC", gettext_noop("High Court of Meghalaya"), "Shillong", "", ["ML"]),
    ("ORI", gettext_noop("Orissa High Court"), "Cuttack", "", ["OD"]),
    ("PAT", gettext_noop("Patna High Court"), "Patna", "", ["BR"]),
    ("PH", gettext_noop("High Court of Punjab & Haryana"), "Chandigarh", "", ["PB", "HR", "CH"]),
    ("RAJ", gettext_noop("Rajasthan High Court"), "Jodhpur", "Jaipur", ["RJ"]),
    ("SKHC", gettext_noop("High Court of Sikkim"), "Gangtok", "", ["SK"]),
    ("TSHC", gettext_noop("High Court for the State of Telangana"), "Hyderabad", "", ["TS"]),
    ("TRHC", gettext_noop("High Court of Tripura"), "Agartala", "", ["TR"]),
    ("UKHC", gettext_noop("High Court of Uttarakhand"), "Nainital", "", ["UK"]),
]
