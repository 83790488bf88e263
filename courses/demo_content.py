"""Demo training modules for Colloquium: six courses on human trafficking law in India (M1-M6).

The courses app loads ``MODULES`` from this file to build demonstration modules, lessons and question
banks. The text is paraphrased teaching material for judicial academies, written in our own words from
the project's domain facts brief. It is not legal advice and does not replace the bare acts or the reported
judgments: before relying on any point in court, check the current text of the statute and the judgment.
Points the sources leave unsettled are flagged as such in the lessons, not presented as settled law.

Block values follow the shapes the loader expects: ("heading", str), ("paragraph", HTML using only
p/strong/em/ul/ol/li), ("statute", dict), ("case", dict) and ("callout", dict).
"""

MODULES = [
    {
        "key": "M1",
        "title": "The trafficking offence after 1 July 2024",
        "summary": "How BNS 143 and 144 define and punish trafficking and the exploitation of trafficked persons, how they sit beside the ITPA, POCSO and JJ Acts, and which code governs offences committed before 1 July 2024.",
        "outcomes": [
            "Break a trafficking charge under BNS 143 into its act, means and purpose, and match each element to the evidence.",
            "Explain why a victim's consent does not answer a charge of trafficking, and where the line with voluntary adult sex work lies.",
            "Identify the aggravated forms of BNS 143 and the sentence each attracts, including the mandatory minimums.",
            "Apply BNS 144 to those who knowingly engage trafficked persons for sexual exploitation.",
            "Decide whether the IPC or the BNS governs an offence by reference to the date of the offence.",
        ],
        "audience": ["district_judge", "prosecutor", "judicial_officer"],
        "hours": 3,
        "edition": "2026",
        "topics": ["Trafficking offence", "Sentencing", "Charge framing", "IPC to BNS"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 6,
        "lessons": [
            {
                "title": "Act, means and purpose: the structure of BNS 143",
                "content_note": "",
                "body": [
                    ("heading", "Three elements, one offence"),
                    (
                        "paragraph",
                        "<p>From 1 July 2024 the offence of trafficking of persons is found in <strong>section 143 of the Bharatiya Nyaya Sanhita, 2023 (BNS)</strong>. It carries forward section 370 of the Indian Penal Code, in the form substituted by the Criminal Law (Amendment) Act, 2013. The provision is built on three elements, and a charge that does not identify each of them is a charge that invites confusion at trial. The elements are an <strong>act</strong> done to a person, by one of the listed <strong>means</strong>, for the <strong>purpose</strong> of exploitation.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "143",
                            "old_act": "IPC",
                            "old_section": "370",
                            "summary": "Whoever, for the purpose of exploitation, recruits, transports, harbours, transfers or receives a person by threats, force or coercion, abduction, fraud or deception, abuse of power, or inducement (including payments to the person in control of the victim) commits trafficking.",
                        },
                    ),
                    ("heading", "The act"),
                    (
                        "paragraph",
                        "<p>The acts are recruiting, transporting, harbouring, transferring or receiving a person. Any one of them is enough. This matters in practice because trafficking is usually a chain: a recruiter in a source village, an agent who arranges travel, a transporter, and an employer or brothel keeper who receives and harbours the victim. Each link in that chain does one of the listed acts, and each may be charged as a principal. The court need not find that one accused did everything.</p>",
                    ),
                    ("heading", "The means"),
                    (
                        "paragraph",
                        "<p>The listed means are:</p><ul><li>threats;</li><li>force or any other form of coercion;</li><li>abduction;</li><li>fraud or deception;</li><li>abuse of power;</li><li>inducement, including the giving or receiving of payments or benefits to obtain the consent of the person who has control over the victim.</li></ul><p>The last limb is often overlooked. Where a parent, guardian or employer is paid to hand over a person, the payment itself is the means, and it brings the payer and the recipient within the offence.</p>",
                    ),
                    ("heading", "The purpose"),
                    (
                        "paragraph",
                        "<p>The act must be done <em>for the purpose of exploitation</em>. Explanation 1 says what exploitation includes: physical exploitation, any form of sexual exploitation, slavery or practices similar to slavery, servitude, beggary, and the forced removal of organs. The list is inclusive. The forms named in the MHA's August 2022 advisory to the High Courts (forced labour, prostitution, forced marriage, domestic servitude, begging, organ trade, use as drug couriers and arms smuggling) all fit within it.</p><p>Because the section is framed around purpose, the prosecution must prove what the accused intended the victim to be used for. The text does not in terms require that the exploitation was completed: a victim intercepted at a railway station before reaching the place of exploitation may still be the victim of a completed offence of trafficking, if act, means and purpose are proved.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "Vishal Jeet v Union of India",
                            "citation": "(1990) 3 SCC 318",
                            "year": 1990,
                            "holding": "'Traffic in human beings' under Article 23 is a wide expression; forced prostitution and Devadasi and Jogin practices call for preventive and rehabilitative responses as well as enforcement.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "title": "Framing the charge",
                            "body": "<p>Before framing a charge under BNS 143, write down in one line each: <strong>which act</strong> each accused did, <strong>which means</strong> were used, and <strong>which form of exploitation</strong> was intended. Then ask which witness or document proves each line. Gaps found at this stage can be addressed; gaps found in the judgment cannot.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Why the victim's consent is irrelevant",
                "content_note": "Discusses sexual exploitation and the treatment of victims in prostitution-related cases.",
                "body": [
                    ("heading", "Explanation 2 to BNS 143"),
                    (
                        "paragraph",
                        "<p>Explanation 2 to BNS 143 states that the consent of the victim is <strong>immaterial</strong> in determining the offence of trafficking. This is one of the most important provisions in the section and one of the most frequently misunderstood at trial.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "143, Explanation 2",
                            "old_act": "IPC",
                            "old_section": "370, Explanation 2",
                            "summary": "The consent of the victim is immaterial in determining the offence of trafficking.",
                        },
                    ),
                    ("heading", "The reason for the rule"),
                    (
                        "paragraph",
                        "<p>Trafficking works through the means listed in the section: deception about the job on offer, debts that can never be repaid, threats against family, abuse of a position of power, or payments to the person who controls the victim. Any agreement the victim gives in those conditions is the product of the very means the law punishes. A woman who agreed to travel for a job in a beauty parlour did not agree to be sold to a brothel; a boy who went with a labour contractor did not agree to be locked in a workshop. The law does not ask the court to weigh the quality of that agreement. Once act, means and purpose are proved, the offence is complete.</p>",
                    ),
                    ("heading", "What this means in the courtroom"),
                    (
                        "paragraph",
                        "<ul><li>Cross-examination directed only at showing that the victim <em>went willingly</em>, <em>stayed without complaint</em> or <em>accepted money</em> does not go to whether the offence is made out. The court can and should keep cross-examination to relevant matters.</li><li>A victim's earlier or later conduct, including returning to the place of exploitation, is not a defence. It may reflect debt, fear or lack of alternatives.</li><li>The judgment should record that consent was considered and why it was held immaterial, so that the point is not reopened on appeal.</li></ul>",
                    ),
                    ("heading", "Trafficking and voluntary adult sex work are different questions"),
                    (
                        "paragraph",
                        "<p>Explanation 2 applies where trafficking is proved. It does not turn every adult engaged in sex work into a trafficking victim. In <em>Budhadev Karmaskar v State of West Bengal</em>, the Supreme Court affirmed that sex workers have the dignity protected by Article 21, and in directions issued on 19 May 2022 under Article 142 it said that police must not take action against consenting adults. The distinction is therefore one of proof: where the evidence shows recruitment or harbouring by coercive or deceptive means for exploitation, consent is no answer; where it shows an adult acting voluntarily, there is no trafficking to which the Explanation can attach.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "Budhadev Karmaskar v State of West Bengal",
                            "citation": "Supreme Court, 2011; directions of 19 May 2022",
                            "year": 2022,
                            "holding": "Sex workers are entitled to dignity under Article 21; no police action against consenting adults, full support for survivors of sexual assault, and no media exposure of identities during rescue operations.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "title": "Victims are not offenders",
                            "body": "<p>The order of 9 December 2015 in <em>Prajwala v Union of India</em> recorded work on a victim-protection protocol that treats trafficked persons as victims, not offenders. Where a rescued person appears in the array of accused, or is charged under the ITPA for soliciting, the court should examine whether the record in fact shows a victim of the same trafficking.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Aggravated forms and sentences",
                "content_note": "Refers to the trafficking of children.",
                "body": [
                    ("heading", "A graded scheme"),
                    (
                        "paragraph",
                        "<p>BNS 143 punishes trafficking on a graded scale that depends on the number of victims, whether a victim is a child, whether the offender has been convicted of child trafficking before, and whether a public servant or police officer is involved. Every grade carries a <strong>mandatory minimum</strong> sentence. The sentences are:</p><ul><li><strong>one person:</strong> rigorous imprisonment of not less than 7 years, which may extend to 10 years, and fine;</li><li><strong>more than one person:</strong> not less than 10 years, which may extend to imprisonment for life, and fine;</li><li><strong>a child:</strong> not less than 10 years, which may extend to imprisonment for life, and fine;</li><li><strong>more than one child:</strong> not less than 14 years, which may extend to imprisonment for life, and fine;</li><li><strong>a person convicted of child trafficking on more than one occasion:</strong> imprisonment for life, meaning the remainder of that person's natural life, and fine;</li><li><strong>a public servant or police officer involved in trafficking:</strong> imprisonment for life, meaning the remainder of natural life, and fine.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "143(5)",
                            "old_act": "IPC",
                            "old_section": "370",
                            "summary": "Trafficking of more than one child: rigorous imprisonment of not less than 14 years, extendable to imprisonment for life, and fine.",
                        },
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "143(7)",
                            "old_act": "IPC",
                            "old_section": "370",
                            "summary": "A public servant, including a police officer, involved in the trafficking of any person: imprisonment for life, meaning the remainder of that person's natural life, and fine.",
                        },
                    ),
                    ("heading", "Aggravating facts are facts to be charged and proved"),
                    (
                        "paragraph",
                        "<p>The grade of the offence depends on facts: how many victims there were, how old they were, whether the accused has a previous conviction for child trafficking, and whether the accused is a public servant. Each of those facts raises the minimum sentence, so each must appear in the charge and be proved by evidence. A conviction for trafficking a child cannot rest on an assumption about age; the victim's age has to be established by the method in section 94 of the Juvenile Justice Act (Module 3). Where the charge names several victims but only one is proved, the court should convict under the grade the evidence supports.</p>",
                    ),
                    ("heading", "Sentencing within the range"),
                    (
                        "paragraph",
                        "<p>Above the minimum, the court has a discretion that should be exercised on recorded reasons: the degree of coercion, the length and nature of the exploitation, the role of the accused in the chain, and the effect on the victim. The fine is part of the sentence in every grade, and it is one route to compensation under section 395 of the BNSS (Module 4). The court should also consider a recommendation under section 396 of the BNSS for compensation from the State scheme, whatever the outcome on sentence.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Public servants and police",
                            "body": "<p>The severest penalty in the section is reserved for public servants and police officers. Evidence that a police officer tipped off a brothel before a raid, escorted victims, or took money to ignore a trafficking operation should be examined for involvement in trafficking under BNS 143(7), not treated only as misconduct.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Demand-side liability under BNS 144",
                "content_note": "Discusses the sexual exploitation of trafficked children and adults.",
                "body": [
                    ("heading", "Reaching those who exploit"),
                    (
                        "paragraph",
                        "<p>Trafficking exists because someone is willing to pay for the exploitation of the trafficked person. Section 144 of the BNS, which carries forward IPC 370A, reaches that demand. It punishes a person who <strong>knowingly, or having reason to believe</strong>, that a person has been trafficked, engages that person for sexual exploitation in any manner.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "144",
                            "old_act": "IPC",
                            "old_section": "370A",
                            "summary": "Engaging a trafficked person for sexual exploitation, knowing or having reason to believe the person was trafficked: 5 to 10 years where the person is a child, 3 to 7 years where the person is an adult, with fine.",
                        },
                    ),
                    ("heading", "The two grades"),
                    (
                        "paragraph",
                        "<ul><li>Where the trafficked person is a <strong>child</strong>: rigorous imprisonment of not less than 5 years, which may extend to 10 years, and fine.</li><li>Where the trafficked person is an <strong>adult</strong>: rigorous imprisonment of not less than 3 years, which may extend to 7 years, and fine.</li></ul><p>As with BNS 143, the age of the victim decides the grade and must be proved.</p>",
                    ),
                    ("heading", "Knowledge and reason to believe"),
                    (
                        "paragraph",
                        "<p>The mental element is satisfied either by actual knowledge or by <em>reason to believe</em>. The second limb matters because the person who engages a trafficked victim rarely admits knowing how the victim came to be there. Reason to believe is inferred from circumstances. Relevant facts may include that the victim was held in locked or guarded premises; that payment went to a third person rather than to the victim; that the victim could not speak the local language, had no identity documents or appeared to be a child; or that the accused arranged the encounter through an agent known to supply persons brought from elsewhere. The court should identify the circumstances it relies on, rather than treat presence at the premises as enough.</p>",
                    ),
                    ("heading", "Relationship with other provisions"),
                    (
                        "paragraph",
                        "<p>BNS 144 requires that the person engaged was in fact <em>trafficked</em>: the prosecution must prove the trafficking, usually through the same evidence that proves the BNS 143 charge against the supplier. Where the victim is a child, the conduct may also amount to a sexual offence under the POCSO Act, and the charges can be tried together. Where POCSO sections 4, 6, 8 or 10 are charged, the trial must be held in camera under BNSS 366(2), even though BNS 144 on its own is not on the mandatory list.</p><p>The section does not make it an offence to engage a consenting adult who has not been trafficked; the <em>Budhadev</em> directions against police action towards consenting adults remain relevant to how such cases are investigated.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For prosecutors",
                            "body": "<p>Where a raid finds customers on the premises, consider early whether the evidence supports BNS 144. Record the circumstances that show reason to believe at the time of the rescue (the state of the premises, how payment was made, the apparent age of the victims), because they are hard to reconstruct later.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Overlap with the ITPA, POCSO and JJ Acts",
                "content_note": "Refers to the sexual exploitation of children.",
                "body": [
                    ("heading", "One set of facts, several statutes"),
                    (
                        "paragraph",
                        "<p>A single trafficking case can engage the BNS, the Immoral Traffic (Prevention) Act, 1956 (ITPA), the Protection of Children from Sexual Offences Act, 2012 (POCSO), the Juvenile Justice (Care and Protection of Children) Act, 2015, the Bonded Labour System (Abolition) Act, 1976 and the Child and Adolescent Labour (Prohibition and Regulation) Act, 1986. Each has its own offences, procedure and protections. The task for the court and prosecutor is to charge the full picture without losing the protections that come with each statute.</p>",
                    ),
                    ("heading", "The ITPA"),
                    (
                        "paragraph",
                        "<p>The ITPA, in force from 1 May 1958, creates offences in sections 3 to 8: keeping a brothel, living on the earnings of prostitution, procuring, detaining a person in premises where prostitution is carried on, and soliciting. It gives special police officers powers (s.13), allows search without warrant in the presence of two local witnesses, one of them a woman (s.15), and provides for rescue (s.16). Sections 17 and 17A deal with custody of rescued persons and the checks to be made before handing them over; section 21 with protective homes; sections 22A and 22AA with special courts; and section 22B with summary trial.</p><p>The ITPA uses its own age categories: a <strong>child</strong> is under 16 and a <strong>minor</strong> is between 16 and 18. These do not match the other statutes, so the court must apply the definition of the Act under which each charge is laid.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "ITPA",
                            "section": "15",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Search without warrant by a special police officer, to be made in the presence of two local witnesses, at least one of whom is a woman.",
                        },
                    ),
                    ("heading", "POCSO and the JJ Act"),
                    (
                        "paragraph",
                        "<p>Where a trafficked child is sexually abused, POCSO offences will usually be charged alongside BNS 143. That brings the child-friendly procedure of POCSO sections 33 to 37 (Module 2) and, for sections 4, 6, 8 and 10, a mandatory trial in camera under BNSS 366(2). The JJ Act supplies the method for determining age (s.94) and the child-protection framework for rescued children.</p>",
                    ),
                    ("heading", "Older minors' offences: a point to check"),
                    (
                        "paragraph",
                        "<p>Cases under the IPC often also charged sections 366A and 366B (procuration and importation of girls) and sections 372 and 373 (selling and buying minors for prostitution). Their BNS equivalents are <strong>not confirmed in this course's sources</strong> and should be taken from the official concordance and bare act before use in a charge. The Supreme Court has noted that BNS 96, 98 and 99 are not in the NIA Act Schedule, but how those sections map to the old provisions should likewise be checked.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Charge the full picture",
                            "body": "<p>A training mock trial held in Chandigarh charged IPC 370 and 374 together with POCSO, the child-labour prohibition in section 3 of the 1986 Act, and the offence in section 16 of the Bonded Labour Act. Joint charges let the court record every form of exploitation proved and engage every protection each statute offers the victim.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Before and after 1 July 2024: IPC 370 or BNS 143",
                "content_note": "",
                "body": [
                    ("heading", "The date of the offence decides the law"),
                    (
                        "paragraph",
                        "<p>The Bharatiya Nyaya Sanhita came into force on <strong>1 July 2024</strong>. It applies to offences committed on or after that date. Offences committed before it remain offences under the Indian Penal Code, and are charged, tried and punished under the IPC. For the next several years, Sessions Courts will hear both kinds of case, sometimes on the same day, and the first question in every file is: <em>when was the offence committed?</em></p>",
                    ),
                    ("heading", "The concordance you will use most"),
                    (
                        "paragraph",
                        "<ul><li>IPC 370 (trafficking of persons) became <strong>BNS 143</strong>.</li><li>IPC 370A (exploitation of a trafficked person) became <strong>BNS 144</strong>.</li><li>CrPC 357 (compensation ordered by the court) became <strong>BNSS 395</strong>.</li><li>CrPC 357A (victim compensation scheme) became <strong>BNSS 396</strong>.</li><li>CrPC 327 (open court and in camera) became <strong>BNSS 366</strong>.</li><li>CrPC 164 (statements before a Magistrate) became <strong>BNSS 183</strong>.</li><li>BNSS 398 (State witness protection schemes) and BNSS 530 (electronic and audio-video proceedings) are new.</li></ul><p>The substance of the trafficking offence is materially the same in the two codes: the same act, means and purpose, the same Explanation on consent, and the same graded sentences. The numbering is what changes.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "144",
                            "old_act": "IPC",
                            "old_section": "370A",
                            "summary": "Exploitation of a trafficked person: the demand-side offence carried forward from IPC 370A.",
                        },
                    ),
                    ("heading", "Conduct that straddles the date"),
                    (
                        "paragraph",
                        "<p>Trafficking is often a course of conduct. A victim may be recruited in May 2024 and harboured until a rescue in September 2024. In such a case the court should identify which acts fall on which side of 1 July 2024 and ensure that each charge cites the code in force when the act charged was done. Where the facts leave doubt, the safer course is to frame the charge so that the accused knows exactly which acts, on which dates, are alleged under which provision. Procedural questions for cases pending on 1 July 2024 depend on the saving provisions of the BNSS and on any guidance from your High Court; this module does not address them, and they should be checked in each case.</p>",
                    ),
                    ("heading", "IPC cases are still reaching the appellate courts"),
                    (
                        "paragraph",
                        "<p>Prosecutions under IPC 370 will continue to come before trial and appellate courts for years. An example is <em>Pinki v State of UP</em> (2025 INSC 482, decided 15 April 2025), in which the victims' families challenged the grant of bail by the High Court in a child-trafficking case under IPC 370(5). The final directions in that case are <strong>not confirmed in this course's sources</strong>, and they should be read from the judgment itself before being cited.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Why precision matters",
                            "body": "<p>NCRB figures show how few trafficking prosecutions end in conviction: a conviction rate of 29.4% in 2018, 22% in 2019, 10.6% in 2020 and about 16% in 2021. Errors in charge framing, including the wrong code or section, are an avoidable cause of failed prosecutions.</p>",
                        },
                    ),
                ],
            },
        ],
        "questions": [
            {
                "kind": "single",
                "text": "An adult victim says in cross-examination that she agreed to travel with the accused and to work where he took her. Does her consent defeat a charge under BNS 143?",
                "options": [
                    ("No. Her consent is immaterial once act, means and purpose are proved.", True),
                    ("Yes. An adult's consent is a complete defence.", False),
                    ("Only if she was paid for her work.", False),
                    ("Only if the trafficking was within one State.", False),
                ],
                "accepted_answers": [],
                "feedback": "Explanation 2 to BNS 143 makes the victim's consent immaterial to the offence of trafficking. Agreement obtained by deception, coercion or inducement is the product of the very means the section punishes.",
                "basis": "BNS 143, Explanation 2",
            },
            {
                "kind": "short",
                "text": "What is the minimum sentence of rigorous imprisonment for trafficking more than one child under BNS 143?",
                "options": [],
                "accepted_answers": [
                    "14 years",
                    "fourteen years",
                    "14",
                    "14 years RI",
                    "14 years rigorous imprisonment",
                ],
                "feedback": "Trafficking more than one child carries rigorous imprisonment of not less than 14 years, which may extend to imprisonment for life, and fine.",
                "basis": "BNS 143(5)",
            },
            {
                "kind": "single",
                "text": "What sentence does BNS 143 prescribe where a police officer is involved in the trafficking of a person?",
                "options": [
                    ("Imprisonment for life, meaning the remainder of natural life, and fine", True),
                    ("Rigorous imprisonment of 7 to 10 years and fine", False),
                    ("Rigorous imprisonment of 10 years to life and fine", False),
                    ("Departmental action only, unless the officer received money", False),
                ],
                "accepted_answers": [],
                "feedback": "A public servant or police officer involved in trafficking faces imprisonment for life, meaning the remainder of that person's natural life, and fine.",
                "basis": "BNS 143(7)",
            },
            {
                "kind": "multiple",
                "text": "Which of the following are means listed in BNS 143? Select all that apply.",
                "options": [
                    ("Fraud or deception", True),
                    ("Abuse of power", True),
                    ("Payments to the person who has control over the victim", True),
                    ("Threats", True),
                    ("The victim having worked in the same trade before", False),
                ],
                "accepted_answers": [],
                "feedback": "The means are threats, force or coercion, abduction, fraud or deception, abuse of power, and inducement including payments or benefits to the person in control of the victim. The victim's past work is not a means and is not a defence.",
                "basis": "BNS 143",
            },
            {
                "kind": "multiple",
                "text": "Explanation 1 to BNS 143 says exploitation includes which of the following? Select all that apply.",
                "options": [
                    ("Beggary", True),
                    ("Forced removal of organs", True),
                    ("Servitude", True),
                    ("Any form of sexual exploitation", True),
                    ("Lawful employment at the minimum wage with freedom to leave", False),
                ],
                "accepted_answers": [],
                "feedback": "Explanation 1 covers physical and sexual exploitation, slavery and practices similar to slavery, servitude, beggary and the forced removal of organs.",
                "basis": "BNS 143, Explanation 1",
            },
            {
                "kind": "single",
                "text": "The accused recruited and transported a woman for sexual exploitation on 15 March 2024. The charge sheet is filed in September 2024. Under which provision should the trafficking charge be framed?",
                "options": [
                    ("IPC 370, because the offence was committed before 1 July 2024", True),
                    ("BNS 143, because the charge sheet was filed after 1 July 2024", False),
                    ("Both IPC 370 and BNS 143, in the alternative", False),
                    ("ITPA section 5 only, because the IPC has been repealed", False),
                ],
                "accepted_answers": [],
                "feedback": "The BNS applies to offences committed on or after 1 July 2024. An offence committed before that date remains an offence under the IPC, whatever the date of the charge sheet.",
                "basis": "BNS in force from 1 July 2024; IPC 370",
            },
            {
                "kind": "short",
                "text": "Under BNS 144, what is the minimum term of imprisonment for knowingly engaging a trafficked adult for sexual exploitation?",
                "options": [],
                "accepted_answers": ["3 years", "three years", "3", "3 years RI"],
                "feedback": "Engaging a trafficked adult for sexual exploitation carries 3 to 7 years; where the person is a child the range is 5 to 10 years.",
                "basis": "BNS 144",
            },
            {
                "kind": "true_false",
                "text": "A trial on a charge under BNS 143 alone must be held in camera.",
                "options": [("True", False), ("False", True)],
                "accepted_answers": [],
                "feedback": "BNS 143 and 144 are not on the mandatory in-camera list in BNSS 366(2). Closure is discretionary under the proviso to BNSS 366(1), unless a listed sexual offence or POCSO offence is also charged.",
                "basis": "BNSS 366(1) proviso and 366(2)",
            },
            {
                "kind": "true_false",
                "text": "Under the Immoral Traffic (Prevention) Act, a 'child' is a person under 16 years and a 'minor' is a person between 16 and 18.",
                "options": [("True", True), ("False", False)],
                "accepted_answers": [],
                "feedback": "The ITPA uses its own age categories, which differ from POCSO and the JJ Act. Apply the definition of the Act under which each charge is laid.",
                "basis": "ITPA age categories (child under 16; minor 16 to 18)",
            },
        ],
    },
    {
        "key": "M2",
        "title": "Victim-centred trials: testimony, privacy and technology",
        "summary": "How a Sessions or POCSO Special Court can take the evidence of trafficking victims fully and fairly: in camera hearings, the POCSO safeguards, video-conference testimony, witness protection, trauma-informed questioning and anonymity.",
        "outcomes": [
            "Distinguish the cases in which BNSS 366 makes an in camera trial mandatory from those in which closure is discretionary.",
            "Apply the child-friendly procedure in POCSO sections 33 to 37, including the 30-day and one-year time limits.",
            "Order and conduct the recording of evidence by audio-video link under BNSS 530 and 254.",
            "Use the witness protection scheme under BNSS 398 and courtroom measures to reduce the risk to victims.",
            "Control questioning and publicity so that a victim's testimony is complete and her identity protected.",
        ],
        "audience": ["district_judge", "judicial_officer"],
        "hours": 3,
        "edition": "2026",
        "topics": ["Evidence", "Child victims", "In camera", "Video-conference", "Witness protection"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 6,
        # Visible to the demo judge, who has done two of its lessons: the quiz waits for the rest.
        "quiz_after_lessons": True,
        "lessons": [
            {
                "title": "Open court and in camera hearings under BNSS 366",
                "content_note": "Refers to rape and sexual offences against children.",
                "body": [
                    ("heading", "The default is an open court"),
                    (
                        "paragraph",
                        "<p>Section 366 of the Bharatiya Nagarik Suraksha Sanhita, 2023 (BNSS), which replaces section 327 of the CrPC, begins from the principle that a criminal court is an open court to which the public has access. Open justice protects the accused and the public confidence in the verdict. The section then makes two kinds of exception, and the difference between them is the key teaching point of this lesson.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "366",
                            "old_act": "CrPC",
                            "old_section": "327",
                            "summary": "Criminal courts sit in open court. The presiding judge may exclude the public (proviso to sub-section (1)); inquiry and trial of rape, BNS 64 to 68, 70 and 71, and POCSO sections 4, 6, 8 and 10 must be held in camera (sub-section (2)). Publication of matter relating to proceedings held under sub-section (2) needs the court's leave.",
                        },
                    ),
                    ("heading", "Mandatory closure"),
                    (
                        "paragraph",
                        "<p>Under sub-section (2), the inquiry into and trial of rape and the offences in <strong>BNS 64 to 68, 70 and 71</strong>, and the offences in <strong>POCSO sections 4, 6, 8 and 10</strong>, must be conducted in camera. The trial should, as far as practicable, be conducted by a woman judge or magistrate. Nothing is left to discretion here: if one of these offences is charged, the trial is held in camera.</p>",
                    ),
                    ("heading", "Discretionary closure: the trafficking offence"),
                    (
                        "paragraph",
                        "<p>BNS 143 and BNS 144 are <strong>not</strong> on that list. A trial for trafficking alone is held in open court unless the presiding judge, using the power in the proviso to sub-section (1), orders that the public generally, or any particular person, shall not have access to the courtroom. The consequence is that in a pure labour-trafficking case, or a sex-trafficking case charged only under BNS 143 and the ITPA, the court has to <em>decide</em> whether to close the court, and should record why.</p><p>Factors that support closure include the presence in court of persons connected with the traffickers, threats already made to the witness, the intimate nature of the evidence, the witness's age and fear, and the risk that her identity will become known in her community. Closure can be partial: for the victim's evidence only, or excluding named persons.</p>",
                    ),
                    ("heading", "Joint charges change the answer"),
                    (
                        "paragraph",
                        "<p>Where a listed sexual offence or a POCSO offence under section 4, 6, 8 or 10 is charged together with BNS 143, the trial of that offence must be held in camera. Where the evidence is common to all charges, the practical course is to hold the whole trial in camera. The court should also remember POCSO section 37 (Lesson 2), which independently requires in camera trial of POCSO cases before the Special Court.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Checklist at the first hearing",
                            "body": "<p>Read the charges. If any listed offence is charged, record that the trial will be held in camera under BNSS 366(2). If not, ask the prosecutor whether closure is sought under the proviso to 366(1), hear the defence, and record a reasoned order. Where sub-section (2) applies, remind everyone present that publication needs the court's leave; in other cases, consider whether a specific order on reporting is needed (Lesson 6).</p>",
                        },
                    ),
                ],
            },
            {
                "title": "POCSO sections 33 to 37 in trafficking trials",
                "content_note": "Concerns child victims of sexual offences.",
                "body": [
                    ("heading", "Why POCSO procedure matters in trafficking cases"),
                    (
                        "paragraph",
                        "<p>Many trafficked children are sexually abused in the course of their exploitation. When a POCSO offence is charged with BNS 143, the trial takes place before the Special Court and the child's evidence is taken under the procedure the POCSO Act lays down for Special Courts. Sections 33 to 37 are written to prevent the trial itself from harming the child. They are mandatory, and compliance should be visible on the record.</p>",
                    ),
                    ("heading", "Section 33: how the child is questioned"),
                    (
                        "paragraph",
                        "<ul><li>Questions from the prosecution and the defence are put to the child <strong>through the Special Court</strong>, not directly.</li><li>The court may allow <strong>frequent breaks</strong> during the child's testimony.</li><li>A <strong>trusted adult</strong>, such as a parent or a person the child trusts, may be present.</li><li>The child is <strong>not called repeatedly</strong> to testify.</li><li><strong>Aggressive questioning</strong> and character assassination of the child are not permitted.</li><li>The child's <strong>identity is protected</strong> throughout the investigation and trial.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "POCSO",
                            "section": "33",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Questions to the child are put through the Special Court; breaks, a trusted adult's presence, no repeated recall, no aggressive questioning, and protection of the child's identity.",
                        },
                    ),
                    ("heading", "Section 35: time limits"),
                    (
                        "paragraph",
                        "<p>The child's evidence must be recorded <strong>within 30 days</strong> of the Special Court taking cognizance of the offence, and the trial should be completed, as far as possible, <strong>within one year</strong> of cognizance. Delay in a trafficking case carries particular risks: the child may be repatriated to another State or country, may be traced and pressured by the traffickers, or may simply forget. If the 30-day period cannot be met, the court should record the reasons.</p>",
                    ),
                    ("heading", "Section 36: the child must not see the accused"),
                    (
                        "paragraph",
                        "<p>The Special Court must ensure that the child is not exposed to the accused at the time of recording evidence, while the accused remains able to hear the statement and communicate with counsel. Screens, a curtain, a separate room with a video link or a one-way mirror arrangement can be used. In trafficking cases the accused may include a relative or a neighbour who recruited the child, and the effect of seeing that person can be overwhelming.</p>",
                    ),
                    ("heading", "Section 37: in camera and commissions"),
                    (
                        "paragraph",
                        "<p>The Special Court tries cases in camera. Where the child needs to be examined away from court, the court may issue a commission to record the evidence. This is useful where a rescued child is in a shelter in another district and moving the child would cause distress.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "POCSO",
                            "section": "35",
                            "old_act": "",
                            "old_section": "",
                            "summary": "The child's evidence is to be recorded within 30 days of cognizance, and the trial completed as far as possible within one year.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "title": "Make compliance visible",
                            "body": "<p>Record in the deposition sheet that questions were put through the court, that breaks were offered, who accompanied the child, and how the child was shielded from the accused. An appellate court can then see that section 33 to 36 were followed.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Recording evidence by video-conference",
                "content_note": "",
                "body": [
                    ("heading", "A settled principle, now in the statute"),
                    (
                        "paragraph",
                        "<p>Trafficking victims are often far from the trial court by the time the case is heard. They may have been rescued in one State and restored to another, or repatriated to Nepal or Bangladesh. Bringing them back is costly, slow and often traumatic, and it is one reason victims turn hostile or stop attending. Evidence by audio-video link addresses that problem.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "State of Maharashtra v Praful B. Desai",
                            "citation": "(2003) 4 SCC 601",
                            "year": 2003,
                            "holding": "Recording evidence by video-conference satisfies the requirement that evidence be taken in the presence of the accused.",
                        },
                    ),
                    (
                        "case",
                        {
                            "name": "Court on its own motion v State",
                            "citation": "Delhi High Court, 2004",
                            "year": 2004,
                            "holding": "Rehabilitated trafficking victims were permitted to give their evidence by video-conference.",
                        },
                    ),
                    ("heading", "The BNSS provisions"),
                    (
                        "paragraph",
                        "<p>The BNSS now provides expressly for what the courts had allowed. <strong>Section 530</strong> permits trials, inquiries and proceedings to be conducted in electronic mode, including by audio-video electronic means. The <strong>proviso to section 254</strong> allows the evidence of a witness to be recorded by audio-video electronic means. At the investigation stage, <strong>section 183</strong> (formerly CrPC 164) provides for statements before a Magistrate and allows them to be recorded by audio-video electronic means, which preserves the victim's early account in a form the trial court can later see.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "530",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Trials, inquiries and proceedings, including the recording of evidence, may be held in electronic mode by audio-video electronic means.",
                        },
                    ),
                    ("heading", "Doing it well"),
                    (
                        "paragraph",
                        "<ul><li><strong>Where the witness sits.</strong> Use a court, a legal services authority office or a shelter with a neutral official present to identify the witness and confirm that no one is coaching or threatening her.</li><li><strong>Documents.</strong> Send copies of any documents to be shown to the witness in advance to the remote point, sealed, and have them opened on camera.</li><li><strong>Interpretation.</strong> Arrange an interpreter in the witness's language, ideally at the remote point.</li><li><strong>The accused.</strong> Ensure the accused and counsel can see and hear the witness and can confer privately; this is what <em>Praful Desai</em> treats as presence.</li><li><strong>The record.</strong> Note the locations, the persons present at each end, and any interruptions, and preserve the recording as your High Court's rules require.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Plan early",
                            "body": "<p>Ask at the first hearing where each victim now lives. If a victim has been restored to another State or repatriated abroad, direct the prosecution to arrange a remote point and fix a date. Waiting until the witness fails to appear wastes months.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Witness protection",
                "content_note": "Mentions threats and intimidation of victims.",
                "body": [
                    ("heading", "The risk is real"),
                    (
                        "paragraph",
                        "<p>Trafficking is organised crime. The people who recruited a victim often know her family and village. Threats, offers of money, pressure through relatives and the prospect of being trafficked again all push victims to withdraw their evidence. A victim who turns hostile is frequently a victim who was not protected. Low conviction rates in trafficking cases (NCRB recorded about 16% in 2021) reflect, in part, witnesses who did not survive the process.</p>",
                    ),
                    ("heading", "Section 398 of the BNSS"),
                    (
                        "paragraph",
                        "<p>The BNSS introduces a new obligation: <strong>every State Government must prepare and notify a witness protection scheme</strong> for the State. The provision follows the Supreme Court's 2018 decision in <em>Mahender Chawla</em>, which addressed the protection of witnesses. The judge should know the scheme notified in the State, the authority that decides applications under it, and the measures it offers.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "398",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Every State Government shall prepare and notify a witness protection scheme for the State.",
                        },
                    ),
                    (
                        "case",
                        {
                            "name": "Mahender Chawla v Union of India",
                            "citation": "Supreme Court, 2018",
                            "year": 2018,
                            "holding": "The Supreme Court's decision on witness protection that BNSS 398 now builds on by requiring every State to notify a scheme.",
                        },
                    ),
                    ("heading", "What the trial court can do itself"),
                    (
                        "paragraph",
                        "<p>Whatever the scheme provides, the trial court has tools of its own:</p><ul><li>take the victim's evidence early and, where possible, continuously on consecutive days, so there is less time for pressure;</li><li>close the court, wholly or partly, under the proviso to BNSS 366(1), and shield the witness from the accused;</li><li>take evidence by audio-video link from a safe place under BNSS 530 and 254;</li><li>keep the victim's name and address out of orders and the cause list where the law requires or the court directs;</li><li>treat threats to a witness as a ground relevant to bail, and act on reports of intimidation.</li></ul>",
                    ),
                    ("heading", "Before the trial"),
                    (
                        "paragraph",
                        "<p>Protection begins at rescue. A victim statement recorded under BNSS 183, with audio-video recording, fixes the account early. Rescued persons who are in protective homes under section 21 of the ITPA or in child care institutions need a plan for attending court safely. The District Legal Services Authority can provide legal aid under section 12 of the Legal Services Authorities Act, and a lawyer for the victim can bring threats to the court's attention.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Ask the question",
                            "body": "<p>When a trafficking victim appears, ask the prosecutor, in the victim's absence if needed, whether she has been contacted by anyone connected with the accused. The answer may change how and when her evidence is taken.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Trauma-informed questioning",
                "content_note": "Discusses the effect of trauma on victims, including victims of sexual exploitation.",
                "body": [
                    ("heading", "Complete evidence, not comfortable evidence"),
                    (
                        "paragraph",
                        "<p>A trauma-informed approach does not weaken the right of the accused to test the evidence. Its purpose is to obtain the most complete and accurate account the witness can give. A frightened, exhausted or humiliated witness gives worse evidence: shorter answers, more agreement with leading suggestions, and more gaps. Good courtroom management helps both sides.</p>",
                    ),
                    ("heading", "What victims bring into the witness box"),
                    (
                        "paragraph",
                        "<p>Trafficking victims have often lived for long periods under control: locked in, moved between places, threatened, in debt, without documents, and sometimes dependent on substances. Training materials on trauma commonly note that such experiences can affect how events are recalled, so that a witness may remember the core of what happened clearly while being uncertain about dates, sequence or peripheral detail, or may disclose more over time as trust develops. The court weighs the whole of the evidence; it should be cautious about treating every variation in peripheral detail as a sign of untruthfulness, while still testing the core of the account.</p>",
                    ),
                    ("heading", "Practical steps for the presiding judge"),
                    (
                        "paragraph",
                        "<ol><li><strong>Explain the process.</strong> Tell the witness who is in the room, what will happen, that she may ask for a question to be repeated, and that she may ask for a break.</li><li><strong>Language.</strong> Use an interpreter for her first language, not a language she understands partly.</li><li><strong>Breaks.</strong> Offer them before the witness needs to ask. For children, POCSO section 33 requires the court to allow frequent breaks.</li><li><strong>One question at a time.</strong> Disallow compound questions and questions that assume facts not in evidence.</li><li><strong>Relevance.</strong> Cross-examination directed to the victim's sexual history or to her consent to trafficking is generally beside the point, because consent is immaterial under BNS 143, Explanation 2.</li><li><strong>No repeated recall.</strong> Plan the examination so the witness is not called back again and again; POCSO section 33 forbids repeated calls for children.</li><li><strong>Support.</strong> Permit a support person to be present where the law allows, and in POCSO cases a trusted adult.</li></ol>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "143, Explanation 2",
                            "old_act": "IPC",
                            "old_section": "370, Explanation 2",
                            "summary": "The consent of the victim is immaterial in determining the offence of trafficking.",
                        },
                    ),
                    ("heading", "Guarding against secondary victimisation"),
                    (
                        "paragraph",
                        "<p>Victims should not be treated as offenders. The order in <em>Prajwala v Union of India</em> (9 December 2015) recorded work on a protocol that treats trafficking victims as victims, not offenders, and the <em>Budhadev Karmaskar</em> directions of 19 May 2022 require full support for survivors of sexual assault. In the courtroom this means respectful forms of address, no comment on the witness's morality, and firm control of counsel who attempt to shame her.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "A note for prosecutors",
                            "body": "<p>Meet the victim before she testifies, with a support person, so that the courtroom is not the first place she hears the questions. Do not rehearse her answers; explain the process. Tell the court in advance about any special needs.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Media, anonymity and publication",
                "content_note": "Refers to victims of sexual exploitation and child victims.",
                "body": [
                    ("heading", "The harm of exposure"),
                    (
                        "paragraph",
                        "<p>For a trafficking victim, being identified can mean stigma in her community, rejection by family, loss of work or marriage prospects, and a real risk of being found by the traffickers again. Publicity during a rescue can do lasting damage before any court is involved. The law addresses this at several points, and the trial court is the institution best placed to hold the line.</p>",
                    ),
                    ("heading", "The sources of protection"),
                    (
                        "paragraph",
                        "<ul><li><strong>BNSS 366:</strong> where proceedings are held in camera under the mandatory provision in sub-section (2), it is not lawful to print or publish any matter relating to them except with the <strong>previous permission of the court</strong>.</li><li><strong>POCSO section 33:</strong> the Special Court must ensure that the child's identity is not disclosed at any time during the investigation or trial.</li><li><strong>Budhadev Karmaskar directions (19 May 2022):</strong> the Supreme Court directed that the identities of those involved must not be exposed by the media during rescue operations.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "366",
                            "old_act": "CrPC",
                            "old_section": "327",
                            "summary": "Matter relating to proceedings held in camera under sub-section (2) may not be printed or published without the court's leave.",
                        },
                    ),
                    (
                        "case",
                        {
                            "name": "Budhadev Karmaskar v State of West Bengal",
                            "citation": "Supreme Court; directions of 19 May 2022",
                            "year": 2022,
                            "holding": "Under Article 142, the media must not expose the identities of persons during rescue operations; survivors of sexual assault must receive full support.",
                        },
                    ),
                    ("heading", "Anonymity in the court's own records"),
                    (
                        "paragraph",
                        "<p>Court records are increasingly published online, and orders are reported. Where the victim is a child or the case involves sexual exploitation, the court should refer to the victim by an initial or a designation such as 'Victim 1', keep her address and the names of her family out of orders, and ensure that annexures containing identifying material are sealed. The same care should be applied in a trafficking case charged only under BNS 143 where the court has closed the proceedings or where disclosure would expose the victim to danger, even though the law may not make anonymity automatic in every such case.</p>",
                    ),
                    ("heading", "When the press applies"),
                    (
                        "paragraph",
                        "<p>An application for leave to publish should be decided on reasons. The court can permit reporting of the progress and outcome of the case while forbidding anything that could identify the victim: names, photographs, village, school, employer, or the name of the shelter where she lives. Where necessary, remind the parties and their counsel that the same restrictions bind them on social media.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "A default order",
                            "body": "<p>In every case involving a trafficked child or sexual exploitation, consider passing at the first hearing a short standing order: the victim to be referred to by a designation; no identifying particulars in any order or public record; and no publication of identifying matter without the court's leave.</p>",
                        },
                    ),
                ],
            },
        ],
        "questions": [
            {
                "kind": "short",
                "text": "Within how many days of the Special Court taking cognizance must a child's evidence be recorded under the POCSO Act?",
                "options": [],
                "accepted_answers": ["30 days", "thirty days", "30", "within 30 days"],
                "feedback": "POCSO section 35 requires the child's evidence to be recorded within 30 days of cognizance, and the trial to be completed as far as possible within one year.",
                "basis": "POCSO s.35",
            },
            {
                "kind": "single",
                "text": "A trial concerns a single charge under BNS 143 for trafficking an adult for labour. Must it be held in camera?",
                "options": [
                    ("No. Closure is discretionary under the proviso to BNSS 366(1).", True),
                    ("Yes. All trafficking trials are on the mandatory in-camera list in BNSS 366(2).", False),
                    ("Yes, but only if the victim is a woman.", False),
                    ("No. A court can never exclude the public from a trafficking trial.", False),
                ],
                "accepted_answers": [],
                "feedback": "BNS 143 is not among the offences for which BNSS 366(2) makes in camera trial mandatory. The judge may still close the court, wholly or partly, under the proviso to section 366(1), and should record reasons.",
                "basis": "BNSS 366(1) proviso and 366(2)",
            },
            {
                "kind": "single",
                "text": "A trafficking victim has been repatriated to her home country. May her evidence be recorded by audio-video link?",
                "options": [
                    (
                        "Yes. The BNSS provides for it, and the Supreme Court has held that it satisfies the presence-of-accused rule.",
                        True,
                    ),
                    ("No. Evidence must be given in the physical presence of the accused.", False),
                    ("Only if the accused consents.", False),
                    ("Only if she is a child.", False),
                ],
                "accepted_answers": [],
                "feedback": "BNSS 530 and the proviso to section 254 permit evidence by audio-video electronic means. Praful B. Desai (2003) held that video-conference evidence satisfies the requirement of presence of the accused.",
                "basis": "BNSS 530, 254 proviso; State of Maharashtra v Praful B. Desai (2003) 4 SCC 601",
            },
            {
                "kind": "multiple",
                "text": "Which of the following safeguards does POCSO section 33 provide for a child witness? Select all that apply.",
                "options": [
                    ("Questions are put to the child through the Special Court", True),
                    ("Frequent breaks may be allowed", True),
                    ("The child is not called repeatedly to testify", True),
                    ("The child's identity is protected", True),
                    ("The defence may not cross-examine the child at all", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 33 channels questions through the court, allows breaks and a trusted adult, forbids repeated recall and aggressive questioning, and protects identity. It does not abolish cross-examination.",
                "basis": "POCSO s.33",
            },
            {
                "kind": "multiple",
                "text": "For which of these offences does BNSS 366(2) make an in camera trial mandatory? Select all that apply.",
                "options": [
                    ("Rape", True),
                    ("POCSO section 4", True),
                    ("POCSO section 6", True),
                    ("BNS 143 (trafficking of persons)", False),
                    ("BNS 144 (exploiting a trafficked person)", False),
                ],
                "accepted_answers": [],
                "feedback": "The mandatory list covers rape, BNS 64 to 68, 70 and 71, and POCSO sections 4, 6, 8 and 10. BNS 143 and 144 are not on it.",
                "basis": "BNSS 366(2)",
            },
            {
                "kind": "true_false",
                "text": "Under POCSO section 36, the Special Court must ensure that the child is not exposed to the accused while giving evidence, while the accused can still hear the statement.",
                "options": [("True", True), ("False", False)],
                "accepted_answers": [],
                "feedback": "Section 36 requires that the child not see the accused, using screens, video links or similar arrangements, while preserving the accused's ability to hear the evidence and instruct counsel.",
                "basis": "POCSO s.36",
            },
            {
                "kind": "single",
                "text": "What does section 398 of the BNSS require?",
                "options": [
                    ("Every State Government must prepare and notify a witness protection scheme.", True),
                    ("Every trafficking trial must be completed within one year.", False),
                    ("Every victim statement must be recorded by a woman Magistrate.", False),
                    ("Every district must set up an Anti-Human Trafficking Unit.", False),
                ],
                "accepted_answers": [],
                "feedback": "BNSS 398 is a new provision requiring each State to notify a witness protection scheme, following the Supreme Court's 2018 decision in Mahender Chawla.",
                "basis": "BNSS 398",
            },
            {
                "kind": "short",
                "text": "Under POCSO section 35, within what period from cognizance should the trial be completed, as far as possible?",
                "options": [],
                "accepted_answers": ["one year", "1 year", "a year", "12 months", "twelve months", "within one year"],
                "feedback": "Section 35 sets a one-year target for completing the trial, and 30 days for recording the child's evidence.",
                "basis": "POCSO s.35",
            },
            {
                "kind": "true_false",
                "text": "Matter relating to a rape trial held in camera under BNSS 366(2) may be published without the court's permission if the victim's name is omitted.",
                "options": [("True", False), ("False", True)],
                "accepted_answers": [],
                "feedback": "Publication of matter relating to proceedings held in camera under section 366(2) needs the court's leave. The court may grant leave on terms that exclude identifying details.",
                "basis": "BNSS 366",
            },
        ],
    },
    {
        "key": "M3",
        "title": "Child victims and the question of age",
        "summary": "How to determine the age of a trafficking victim using section 94 of the Juvenile Justice Act, why age decides the charge and sentence, and how child marriage and missing-child cases connect to trafficking.",
        "outcomes": [
            "Apply the order of evidence in JJ Act section 94 to determine a victim's age, and know when a medical test may be ordered.",
            "Explain why Jarnail Singh requires the same approach for victims as for children in conflict with the law.",
            "Navigate the different age thresholds in the ITPA, POCSO, the child marriage law and the child labour law.",
            "Recognise when a child marriage is void because the minor was sold or trafficked.",
            "Apply the Bachpan Bachao Andolan directions on missing children.",
        ],
        "audience": ["district_judge", "prosecutor", "judicial_officer"],
        "hours": 2.5,
        "edition": "2026",
        "topics": ["Child victims", "Age determination", "Child marriage", "Missing children", "Evidence"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 6,
        "review_answers": "each_attempt",
        "lessons": [
            {
                "title": "Section 94 of the JJ Act: the order of evidence",
                "content_note": "Concerns child victims.",
                "body": [
                    ("heading", "Why age is a central fact"),
                    (
                        "paragraph",
                        "<p>In a trafficking trial, the age of the victim is rarely a side issue. It decides whether BNS 143 is charged in its child grades (10 years to life for one child, 14 years to life for more than one), whether BNS 144 carries 5 to 10 years or 3 to 7, whether POCSO applies with its special procedure, and which ITPA category the victim falls into. Traffickers know this, and false documents overstating a girl's age are common. The court therefore needs a disciplined method, and the law supplies one.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "JJ Act 2015",
                            "section": "94(2)",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Age is determined from (i) the school date-of-birth certificate or matriculation certificate; failing that, (ii) the birth certificate of the municipal authority or panchayat; and only in the absence of both, (iii) an ossification or other medical age test, to be completed within 15 days.",
                        },
                    ),
                    ("heading", "The three steps, in order"),
                    (
                        "paragraph",
                        "<ol><li><strong>School or matriculation certificate.</strong> Look first for the date-of-birth certificate from the school, or the matriculation or equivalent certificate from the examination board.</li><li><strong>Municipal or panchayat birth certificate.</strong> Only if there is no document of the first kind, look for the birth certificate issued by the corporation, municipal authority or panchayat.</li><li><strong>Medical test.</strong> Only if neither kind of document exists may age be determined by an ossification test or another latest medical age determination test. The test must be completed <strong>within 15 days</strong> from the date of the order.</li></ol>",
                    ),
                    ("heading", "The order is a hierarchy, not a menu"),
                    (
                        "paragraph",
                        "<p>The steps are sequential. Where a school certificate exists, the court does not move to a medical test merely because the defence prefers one or the victim looks older. A medical opinion gives an estimated range, not a date of birth, and it is the weakest of the three forms of evidence; the law places it last for that reason. Where the defence challenges a document, the challenge goes to the genuineness of the document (was it issued by the school? is the entry original?), and the court can call for the admission register or the issuing official.</p>",
                    ),
                    ("heading", "Practical points"),
                    (
                        "paragraph",
                        "<ul><li>Ask the investigating officer at an early stage to collect the school admission register, not just a freshly issued certificate.</li><li>Trafficked children often come from another State. The school or panchayat may be far away; the AHTU or the district police in the source district can obtain the record.</li><li>Where the only document is one produced by the accused or the employer (for example, an identity card showing the victim as an adult), test it with care: such documents are a known tool of traffickers.</li><li>Record in the judgment which step of section 94 the court relied on and why the earlier steps were not available.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Fifteen days",
                            "body": "<p>If a medical test is needed, the order should say so expressly and fix a date within 15 days for the report. Delay in age determination delays everything else, including the child's evidence, which POCSO requires within 30 days of cognizance.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Jarnail Singh: the same method for victims",
                "content_note": "Concerns child victims of sexual offences.",
                "body": [
                    ("heading", "From accused children to child victims"),
                    (
                        "paragraph",
                        "<p>The juvenile justice statutes were written to determine the age of a child alleged to be in conflict with the law, and section 94 speaks of the Child Welfare Committee and the Juvenile Justice Board. The question in a trafficking trial is usually different: how old was the <em>victim</em>? The Supreme Court answered that question in <em>Jarnail Singh v State of Haryana</em> (2013). It held that the statutory procedure for determining the age of a child in conflict with the law should be followed to determine the age of a child who is a victim of crime.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "Jarnail Singh v State of Haryana",
                            "citation": "Supreme Court, 2013",
                            "year": 2013,
                            "holding": "The statutory method for determining the age of a child in conflict with the law applies equally to determining the age of a child victim.",
                        },
                    ),
                    ("heading", "Applying it today"),
                    (
                        "paragraph",
                        "<p><em>Jarnail Singh</em> was decided before the Juvenile Justice (Care and Protection of Children) Act, 2015. The approach it applied, documents first and medical opinion last, is the approach now set out in section 94 of the 2015 Act. A Sessions Court or Special Court deciding the age of a trafficking victim should therefore work through the same three steps: school or matriculation certificate, then municipal or panchayat birth certificate, and only in their absence a medical test.</p>",
                    ),
                    ("heading", "Where it makes a difference"),
                    (
                        "paragraph",
                        "<p>Three common situations in trafficking cases show why the method matters:</p><ul><li><strong>The victim 'looks older'.</strong> Appearance is not a step in the hierarchy. A girl of 15 recovered from a brothel may look and dress older; if her school certificate shows her age, that is the evidence.</li><li><strong>Conflicting documents.</strong> A school certificate may conflict with an identity card obtained by the trafficker. The statute tells the court which kind of document to prefer; the court must still be satisfied that the preferred document is genuine.</li><li><strong>No documents.</strong> Many trafficked children have never been to school and were never registered at birth. Then, and only then, the medical test is used, and the court should treat its estimate as a range and give reasons for the conclusion it draws.</li></ul>",
                    ),
                    ("heading", "Burden and findings"),
                    (
                        "paragraph",
                        "<p>Where the prosecution alleges that the victim was a child, and relies on that fact to attract the child grades of BNS 143 or POCSO, it must prove her age. The court's finding on age should be a distinct, reasoned finding, because it determines both the offence and the minimum sentence. A finding that simply says the victim 'appears to be a minor' is unlikely to survive appeal.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For prosecutors",
                            "body": "<p>Put the school admission register or the birth register extract on the record through the official who keeps it. A photocopy of a certificate, unproved, leaves the most important fact in the case open to attack.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Age thresholds across the statutes",
                "content_note": "",
                "body": [
                    ("heading", "One child, several definitions"),
                    (
                        "paragraph",
                        "<p>Different statutes that apply in trafficking cases draw the line of childhood at different ages. A 17-year-old girl may be a 'minor' for one Act, a 'child' for another and an 'adolescent' for a third. Charges, procedure and sentence can all turn on which definition applies. The rule is simple to state: <strong>apply the definition of the statute under which each charge is laid</strong>. Applying it requires knowing the thresholds.</p>",
                    ),
                    ("heading", "The thresholds"),
                    (
                        "paragraph",
                        "<ul><li><strong>Immoral Traffic (Prevention) Act, 1956:</strong> a <em>child</em> is a person under 16; a <em>minor</em> is a person between 16 and 18. The Act's offences provide different consequences where a child or a minor is involved.</li><li><strong>Prohibition of Child Marriage Act, 2006:</strong> a <em>child</em> is a male under 21 or a female under 18.</li><li><strong>Child and Adolescent Labour (Prohibition and Regulation) Act, 1986</strong> (as amended with effect from 1 September 2016): children under 14 may not be employed in any work, subject to narrow exceptions for helping a family enterprise after school hours and for audio-visual performing; <em>adolescents</em> aged 14 to 18 may not be employed in hazardous occupations and processes.</li><li><strong>SAARC Convention on trafficking for prostitution:</strong> a child is a person under 18.</li><li><strong>Constitution, Article 24:</strong> children under 14 may not be employed in factories, mines or other hazardous employment.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "ITPA",
                            "section": "Definitions of child and minor",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Under the ITPA a child is a person under 16 years of age and a minor is a person who has completed 16 but not 18 years.",
                        },
                    ),
                    ("heading", "How to handle the overlap"),
                    (
                        "paragraph",
                        "<p>Suppose a girl of 17 is recruited by deception and held in a brothel. The age finding (made by the section 94 method) means that she is a minor, not a child, for the ITPA; that she is a child for the purposes of the child grades of BNS 143 as charged; and that she would be a child for the child marriage law if the case also involves a marriage. The court should make one finding of age, in years and if possible by date of birth, and then apply it to each statute in turn, naming the category for each charge.</p><p>For a boy of 15 trafficked to a workshop, the same finding will place him as an adolescent for the child labour law, barred from hazardous work, and as a child for the purposes of the BNS child grades. The evidence about the nature of the work then decides whether the labour-law offence is made out.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Write it down",
                            "body": "<p>A short table in the judgment (statute, definition, category of this victim) makes the reasoning transparent and helps the appellate court. It also prevents the common error of applying the ITPA's under-16 definition of 'child' to a BNS or POCSO charge.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Child marriage as trafficking",
                "content_note": "Discusses the sale and forced marriage of girls.",
                "body": [
                    ("heading", "Forced marriage is a form of exploitation"),
                    (
                        "paragraph",
                        "<p>The MHA's August 2022 advisory listed forced marriage among the forms of exploitation that judicial colloquia should address. In trafficking cases it usually takes the form of a girl from a poor household being 'married' to a man in a distant State, in return for money paid to the family or to an agent. What follows may be domestic servitude, sexual exploitation, or resale. Such a case can engage both BNS 143 and the Prohibition of Child Marriage Act, 2006 (PCMA), in force from 1 November 2007.</p>",
                    ),
                    ("heading", "The scheme of the PCMA"),
                    (
                        "paragraph",
                        "<ul><li>A <strong>child</strong> is a male under 21 or a female under 18.</li><li>A child marriage is, as a rule, <strong>voidable</strong> (section 3): it stands unless annulled at the instance of the party who was a child.</li><li>A child marriage is <strong>void</strong> (section 12) where the minor was taken or enticed out of the keeping of a lawful guardian, compelled or induced by deceit to go from any place, or <strong>sold</strong> for the purpose of marriage, or married and then sold or <strong>trafficked</strong>.</li><li>Sections 9 to 11 punish those who contract, solemnise or promote a child marriage, with imprisonment up to 2 years, fine up to Rs 1 lakh, or both.</li><li>Section 16 provides for Child Marriage Prohibition Officers.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "PCMA",
                            "section": "12",
                            "old_act": "",
                            "old_section": "",
                            "summary": "A marriage of a minor is void where the minor was enticed or taken from a lawful guardian, forced or deceived into going, sold for marriage, or married and then sold or trafficked.",
                        },
                    ),
                    ("heading", "Reading the two laws together"),
                    (
                        "paragraph",
                        "<p>A 'marriage' arranged by payment fits the structure of BNS 143. The <strong>act</strong> is the transfer and receipt of the girl; the <strong>means</strong> is often inducement by payment to the person who has control over her, or deception about the marriage; the <strong>purpose</strong> is exploitation, whether sexual exploitation or servitude. Consent, including a guardian's agreement to the 'marriage', is immaterial under Explanation 2. The existence of a marriage ceremony does not convert trafficking into a family matter.</p><p>Section 12 matters for the victim as much as for the prosecution. Because the marriage is void, the girl is not bound to it and need not seek annulment; the 'husband' cannot rely on the marriage to claim custody of her or to resist her rescue.</p>",
                    ),
                    ("heading", "Points for the court"),
                    (
                        "paragraph",
                        "<ul><li>Determine the girl's age by the section 94 method before anything else.</li><li>Look for evidence of payment: to whom, by whom, and how it was described.</li><li>Consider whether the family who received payment are themselves within BNS 143, or whether they too were deceived.</li><li>Ensure the Child Welfare Committee is involved in her care, and consider compensation (Module 4).</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Key point",
                            "body": "<p>Where the minor was sold or trafficked, the marriage is <strong>void</strong>, not merely voidable. A court should say so in terms, so that the victim's status is not left in doubt.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Missing children and the presumption of trafficking",
                "content_note": "Discusses missing and trafficked children.",
                "body": [
                    ("heading", "Missing is often trafficked"),
                    (
                        "paragraph",
                        "<p>Many trafficked children first appear in the records as 'missing'. If the police treat a missing-child report as a family matter, the early hours in which a child could be traced are lost. The Supreme Court addressed this in the litigation brought by Bachpan Bachao Andolan.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "Bachpan Bachao Andolan v Union of India",
                            "citation": "(2011) 5 SCC 1",
                            "year": 2011,
                            "holding": "Children trafficked into circuses: directions for their rescue and protection.",
                        },
                    ),
                    (
                        "case",
                        {
                            "name": "Bachpan Bachao Andolan v Union of India",
                            "citation": "Supreme Court, order of 10 May 2013",
                            "year": 2013,
                            "holding": "Every complaint of a missing child must be registered as an FIR, with a presumption of kidnapping or trafficking until the investigation shows otherwise.",
                        },
                    ),
                    ("heading", "The 2013 directions"),
                    (
                        "paragraph",
                        "<p>In its order of 10 May 2013 the Supreme Court directed that:</p><ul><li>every complaint of a missing child must be registered as a <strong>First Information Report</strong>;</li><li>the case is to be investigated on a <strong>presumption of kidnapping or trafficking</strong>, unless the investigation shows otherwise;</li><li>every police station should have a trained <strong>child-welfare officer</strong>;</li><li>NALSA's <strong>para-legal volunteers</strong> should be engaged; and</li><li>States should have standard operating procedures for missing children.</li></ul>",
                    ),
                    ("heading", "Using the presumption in court"),
                    (
                        "paragraph",
                        "<p>The presumption is a direction about investigation: it tells the police to treat the disappearance as a possible crime from the start. It does not relieve the prosecution of proving the elements of BNS 143 at trial. But it is relevant to the court in other ways. A magistrate or Sessions judge who sees a missing-child complaint that was not registered as an FIR, or an investigation closed without inquiry into trafficking, can ask why. Where a child is recovered far from home, the circumstances of the disappearance (who took the child, on what promise, to whom money was paid) are often the best evidence of act, means and purpose.</p>",
                    ),
                    ("heading", "The scale of the problem"),
                    (
                        "paragraph",
                        "<p>NCRB's 'Crime in India' reports record the number of children rescued from trafficking as 2,484 in 2018, 2,746 in 2019, 2,151 in 2020, 2,691 in 2021 and 3,098 in 2022. In 2022, 2,878 of the 6,036 trafficking victims recorded were children. These figures count only cases registered as trafficking; they say nothing about children who remain on the missing lists.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Child circuses, workshops and homes",
                            "body": "<p>The 2011 judgment concerned children trafficked into circuses. The lesson extends to any place where children are kept for work or entertainment away from their families: the court should ask how the child came to be there, who was paid, and whether the child could leave.</p>",
                        },
                    ),
                ],
            },
        ],
        "questions": [
            {
                "kind": "single",
                "text": "To determine the age of a trafficking victim, which document should the court look for first?",
                "options": [
                    ("The school date-of-birth certificate or matriculation certificate", True),
                    ("The municipal or panchayat birth certificate", False),
                    ("An ossification test report", False),
                    ("The victim's identity card produced by the employer", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 94(2) of the JJ Act puts the school date-of-birth or matriculation certificate first, the municipal or panchayat birth certificate second, and a medical test only where neither exists.",
                "basis": "JJ Act s.94(2)(i)",
            },
            {
                "kind": "short",
                "text": "Within how many days must a medical age-determination test ordered under section 94 of the JJ Act be completed?",
                "options": [],
                "accepted_answers": ["15 days", "fifteen days", "15", "within 15 days"],
                "feedback": "The proviso to section 94(2) requires a medical age test to be completed within 15 days of the order.",
                "basis": "JJ Act s.94(2) proviso",
            },
            {
                "kind": "single",
                "text": "A 16-year-old girl was sold by an agent to a man in another State and 'married' to him. What is the status of the marriage under the Prohibition of Child Marriage Act?",
                "options": [
                    ("Void", True),
                    ("Voidable at her option", False),
                    ("Valid once she turns 18", False),
                    ("Valid, because her parents agreed", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 12 of the PCMA makes a marriage void where the minor was sold, trafficked, enticed or forced; other child marriages are voidable under section 3.",
                "basis": "PCMA s.12",
            },
            {
                "kind": "true_false",
                "text": "In Jarnail Singh v State of Haryana (2013), the Supreme Court held that the statutory method for determining the age of a child in conflict with the law should also be used to determine the age of a child victim.",
                "options": [("True", True), ("False", False)],
                "accepted_answers": [],
                "feedback": "Jarnail Singh applied the juvenile justice age-determination approach to victims; the same order of evidence is now in JJ Act section 94.",
                "basis": "Jarnail Singh v State of Haryana (2013)",
            },
            {
                "kind": "true_false",
                "text": "Where a genuine school date-of-birth certificate is on record, the court should still order an ossification test if the victim appears older than the certificate shows.",
                "options": [("True", False), ("False", True)],
                "accepted_answers": [],
                "feedback": "Section 94 is a hierarchy. A medical test is used only where neither a school or matriculation certificate nor a municipal or panchayat birth certificate is available. Appearance is not a step in the hierarchy.",
                "basis": "JJ Act s.94(2)",
            },
            {
                "kind": "single",
                "text": "Under the Immoral Traffic (Prevention) Act, how is a girl aged 17 classified?",
                "options": [
                    ("As a minor (16 to 18)", True),
                    ("As a child (under 18)", False),
                    ("As an adolescent (14 to 18)", False),
                    ("As an adult", False),
                ],
                "accepted_answers": [],
                "feedback": "The ITPA defines a child as under 16 and a minor as 16 to 18. Other statutes use different thresholds, so the court must apply the definition of the Act under which each charge is laid.",
                "basis": "ITPA age categories",
            },
            {
                "kind": "multiple",
                "text": "Which of the following did the Supreme Court direct in Bachpan Bachao Andolan v Union of India (order of 10 May 2013)? Select all that apply.",
                "options": [
                    ("Every complaint of a missing child must be registered as an FIR", True),
                    ("A presumption of kidnapping or trafficking in missing-child cases", True),
                    ("A trained child-welfare officer in every police station", True),
                    ("Missing-child cases may be closed after 30 days if the child is not found", False),
                ],
                "accepted_answers": [],
                "feedback": "The 2013 order required an FIR for every missing-child complaint with a presumption of kidnapping or trafficking, a trained child-welfare officer in every police station, NALSA para-legal volunteers, and State SOPs.",
                "basis": "Bachpan Bachao Andolan v Union of India (10 May 2013)",
            },
            {
                "kind": "short",
                "text": "Under the Prohibition of Child Marriage Act, 2006, a male is a 'child' if he is below what age?",
                "options": [],
                "accepted_answers": ["21", "21 years", "twenty-one", "twenty one", "twenty-one years"],
                "feedback": "Under the PCMA a child is a male under 21 or a female under 18.",
                "basis": "PCMA definition of child",
            },
            {
                "kind": "multiple",
                "text": "Which facts must be proved, and not assumed, before a court sentences under the child grades of BNS 143? Select all that apply.",
                "options": [
                    ("The age of each victim said to be a child", True),
                    ("The number of child victims, where more than one is alleged", True),
                    ("That the child personally complained to the police", False),
                    ("That the child refused consent", False),
                ],
                "accepted_answers": [],
                "feedback": "The child grades depend on the victim's age and, for the 14-year minimum, on there being more than one child. A complaint by the child is not an element, and consent is immaterial under Explanation 2.",
                "basis": "BNS 143(5) and Explanation 2; JJ Act s.94",
            },
        ],
    },
    {
        "key": "M4",
        "title": "Compensation, rehabilitation and legal aid",
        "summary": "The routes by which a trafficking victim can be compensated and rehabilitated: court-ordered compensation and the victim compensation scheme under the BNSS, the NALSA scheme and free legal aid, the bonded-labour rehabilitation payments, ITPA protective homes and the Budhadev directions.",
        "outcomes": [
            "Use BNSS 395 and 396 together, and make a recommendation for compensation in every suitable case, including acquittals.",
            "Explain the role of the DLSA and SLSA in fixing compensation and providing interim relief within the time allowed.",
            "Direct victims to free legal services under section 12 of the Legal Services Authorities Act and the NALSA 2015 scheme.",
            "State the payments available under the Central Sector Scheme for Rehabilitation of Bonded Labourer 2021.",
            "Apply the ITPA provisions on custody and protective homes consistently with the dignity of adult victims.",
        ],
        "audience": ["hc_judge", "district_judge", "judicial_officer", "prosecutor"],
        "hours": 3,
        "edition": "2026",
        "topics": ["Victim compensation", "Rehabilitation", "Legal aid", "Bonded labour"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 6,
        "lessons": [
            {
                "title": "Court-ordered compensation and the victim compensation scheme",
                "content_note": "",
                "body": [
                    ("heading", "Two routes to compensation"),
                    (
                        "paragraph",
                        "<p>The BNSS gives a trafficking victim two routes to compensation, and a trial court should consider both in every case.</p><ul><li><strong>Section 395</strong> (formerly CrPC 357) lets the court, on conviction, order compensation to be paid by the offender, for example out of the fine imposed as part of the sentence.</li><li><strong>Section 396</strong> (formerly CrPC 357A) creates the <strong>victim compensation scheme</strong>, funded by the State, which does not depend on the offender's means or even on a conviction.</li></ul><p>Traffickers frequently have no attachable assets in their own names, and fines are often unpaid. The State scheme is therefore the more reliable route for most trafficking victims.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "395",
                            "old_act": "CrPC",
                            "old_section": "357",
                            "summary": "On conviction, the court may order that compensation be paid to the victim by the offender, including out of the fine imposed.",
                        },
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "396",
                            "old_act": "CrPC",
                            "old_section": "357A",
                            "summary": "Each State must have a victim compensation scheme. The court recommends; the DLSA or SLSA decides the amount. Compensation is available on acquittal or discharge and where the offender is untraced; the enquiry must be completed within two months; interim and medical relief may be given.",
                        },
                    ),
                    ("heading", "How section 396 works"),
                    (
                        "paragraph",
                        "<ol><li><strong>The court recommends.</strong> When the court recommends compensation, the District Legal Services Authority or State Legal Services Authority <strong>decides the amount</strong> under the State scheme (section 396(2)). The court's task is to recommend; it does not fix the figure.</li><li><strong>Conviction is not required.</strong> Under section 396(3), the trial court may recommend compensation where the compensation under section 395 is not adequate, and also where the case ends in <strong>acquittal or discharge</strong> and the victim needs to be rehabilitated.</li><li><strong>Untraced offenders.</strong> Where the offender is not traced or identified but the victim is, the victim or her dependants may apply directly to the legal services authority.</li><li><strong>Two months.</strong> The authority must complete its enquiry and award compensation within two months.</li><li><strong>Interim relief.</strong> The authority may order immediate first aid or medical benefits, or other interim relief, to alleviate the victim's suffering.</li></ol>",
                    ),
                    ("heading", "Why acquittal does not end the question"),
                    (
                        "paragraph",
                        "<p>Trafficking prosecutions often fail for reasons that have nothing to do with whether the victim was trafficked: the trafficker absconds, the victim cannot be traced for trial, or the identification of one accused is doubtful. The victim's need for rehabilitation is the same. A judgment of acquittal that records that the victim was rescued from exploitation, and recommends compensation under section 396(3), gives her a route to relief that the acquittal would otherwise close.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "A line in every judgment",
                            "body": "<p>End every trafficking judgment, whether of conviction or acquittal, with a paragraph on compensation: what was ordered under section 395, whether a recommendation is made under section 396, and a direction that a copy go to the DLSA. Consider also whether interim relief was needed earlier in the case.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Legal aid and the NALSA scheme",
                "content_note": "Refers to commercial sexual exploitation.",
                "body": [
                    ("heading", "A statutory entitlement to free legal services"),
                    (
                        "paragraph",
                        "<p>Section 12 of the Legal Services Authorities Act, 1987 lists the persons entitled to free legal services. Clause (b) covers a victim of <strong>trafficking in human beings or begar</strong>, the practices prohibited by Article 23 of the Constitution. The entitlement does not depend on income: a trafficking victim is entitled to free legal services because she is a victim of trafficking.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "Legal Services Authorities Act 1987",
                            "section": "12(b)",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Free legal services for a victim of trafficking in human beings or begar as referred to in Article 23 of the Constitution.",
                        },
                    ),
                    ("heading", "What a lawyer for the victim can do"),
                    (
                        "paragraph",
                        "<p>In a trafficking prosecution the State is the prosecutor, and the Public Prosecutor's duty is to the court and the case. A legal aid lawyer for the victim fills gaps that the prosecution cannot: making applications for interim compensation and for protection under the State witness protection scheme; attending bail hearings to tell the court of threats; helping with applications for restoration of documents, wages or property; and representing the victim in proceedings before the Child Welfare Committee or in matters under the ITPA concerning her custody. The trial court can refer a victim to the DLSA at the first hearing.</p>",
                    ),
                    ("heading", "The NALSA scheme of 2015"),
                    (
                        "paragraph",
                        "<p>The <em>NALSA (Victims of Trafficking and Commercial Sexual Exploitation) Scheme, 2015</em> sets out the role of legal services institutions in three areas: <strong>prevention</strong>, <strong>rescue</strong> and <strong>rehabilitation</strong>. Its coverage includes voluntary sex workers as well as trafficking victims, reflecting the view that legal services must reach people in commercial sexual exploitation whatever the route by which they came to it. Under the scheme, legal services authorities work with the police, Child Welfare Committees, shelter homes and civil society organisations, so that a rescued person has legal support from the first day.</p>",
                    ),
                    ("heading", "The helpline"),
                    (
                        "paragraph",
                        "<p>NALSA's national legal services helpline number is <strong>15100</strong>. Judges and prosecutors can ensure that the number is given to every rescued person and displayed at shelters, so that a victim who is moved, restored to her family or repatriated can still reach legal help.</p>",
                    ),
                    ("heading", "Para-legal volunteers"),
                    (
                        "paragraph",
                        "<p>In its 2013 order on missing children in <em>Bachpan Bachao Andolan v Union of India</em>, the Supreme Court called for NALSA para-legal volunteers to be engaged. Para-legal volunteers attached to police stations and shelters are often the first link between a rescued victim and the legal aid system.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "At the first hearing",
                            "body": "<p>Ask whether the victim has a legal aid lawyer. If not, direct the DLSA Secretary to assign one under section 12(b) and to consider interim relief under BNSS 396. Record the direction in the order sheet.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Rehabilitation of bonded labourers: the 2021 scheme",
                "content_note": "",
                "body": [
                    ("heading", "Bonded labour is a form of trafficking"),
                    (
                        "paragraph",
                        "<p>Labour trafficking often ends in bondage: workers recruited with an advance, moved to a brick kiln, quarry or farm in another district or State, and held there by a debt that grows faster than they can repay it. The Bonded Labour System (Abolition) Act, 1976 abolishes the system and sets up <strong>vigilance committees</strong> at district and sub-division level (section 13). Release is only the beginning; a released labourer with nothing will often return to bondage.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BLSA 1976",
                            "section": "13",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Vigilance committees are constituted for each district and sub-division to secure the implementation of the Act.",
                        },
                    ),
                    ("heading", "The Central Sector Scheme 2021"),
                    (
                        "paragraph",
                        "<p>The <em>Central Sector Scheme for Rehabilitation of Bonded Labourer, 2021</em>, in operation from <strong>27 January 2022</strong>, provides financial assistance to rescued bonded labourers:</p><ul><li><strong>Rs 1 lakh</strong> for an adult male;</li><li><strong>Rs 2 lakh</strong> for women and children;</li><li><strong>Rs 3 lakh</strong> in cases of extreme deprivation or marginalisation, including persons rescued from sex trafficking and transgender survivors;</li><li>immediate assistance of <strong>up to Rs 30,000</strong>, paid from a district fund of at least Rs 10 lakh, so that the released worker is not left without means while the rest is processed.</li></ul>",
                    ),
                    ("heading", "Why a court should know these figures"),
                    (
                        "paragraph",
                        "<p>These payments are administrative, not judicial: they are made by the district administration under the scheme, not ordered by the trial court. But the court is often the first institution to see the whole picture of a bonded-labour case. A Sessions judge trying a trafficking case in which workers were held in bondage can record the finding that they were bonded labourers, direct that a copy of the judgment go to the District Magistrate and the vigilance committee, and consider a recommendation under BNSS 396 in addition. Prosecutors can ensure the record shows each worker's identity, sex and age, because those facts decide the amount payable.</p>",
                    ),
                    ("heading", "Combining remedies"),
                    (
                        "paragraph",
                        "<p>A woman rescued from a brick kiln may be entitled to rehabilitation assistance under the 2021 scheme, compensation recommended under BNSS 396, free legal services under section 12(b) of the Legal Services Authorities Act, and any unpaid wages. These remedies are cumulative in purpose: each addresses a different loss. Where a child is among those rescued, the child labour law's district rehabilitation fund (section 14B of the 1986 Act) is also relevant (Module 5).</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Key figures",
                            "body": "<p>Adult man Rs 1 lakh; women and children Rs 2 lakh; extreme cases, including sex trafficking and transgender survivors, Rs 3 lakh; immediate assistance up to Rs 30,000. Scheme in force from 27 January 2022.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Custody after rescue and ITPA protective homes",
                "content_note": "Refers to rescue from commercial sexual exploitation.",
                "body": [
                    ("heading", "The moment after rescue"),
                    (
                        "paragraph",
                        "<p>When a person is rescued from a brothel, the immediate question is where she goes next. Sending her back to the person who brought her, or to a family that sold her, may return her to the traffickers. Detaining an adult against her will in an institution may itself violate her rights. The ITPA gives the magistrate a structured set of powers for this moment, and the court's decisions here shape whether the victim will ever testify.</p>",
                    ),
                    ("heading", "The ITPA scheme"),
                    (
                        "paragraph",
                        "<ul><li><strong>Section 16 (rescue):</strong> a magistrate may direct the police to rescue a person who is living in, or being made to carry on prostitution in, a brothel.</li><li><strong>Sections 17 and 17A (custody and hand-over):</strong> provide for interim custody of the rescued person pending inquiry, and for checks before she is handed over to a parent, guardian or other person, so that the magistrate is satisfied that the person receiving her is genuine and fit to do so.</li><li><strong>Section 21 (protective homes):</strong> provides for protective homes and their regulation.</li><li><strong>Sections 22A and 22AA:</strong> special courts; <strong>section 22B:</strong> summary trial.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "ITPA",
                            "section": "17A",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Before handing a rescued person over to a parent, guardian or other person, the magistrate may satisfy himself of the genuineness and capacity of that person.",
                        },
                    ),
                    ("heading", "Applying the checks"),
                    (
                        "paragraph",
                        "<p>The check before hand-over is the most important safeguard in this part of the Act. In trafficking cases, the relative who comes to court to collect a girl may be the person who sold her. The magistrate can ask for an inquiry through a recognised welfare organisation or the District Child Protection Unit, speak to the victim separately and with an interpreter, and check the claimed relationship against documents. For a child, the Child Welfare Committee under the JJ Act has responsibility for care and protection decisions, and the magistrate should work with it.</p>",
                    ),
                    ("heading", "Adults and the limits of protective custody"),
                    (
                        "paragraph",
                        "<p>Protective homes exist to protect, not to punish. The <em>Budhadev Karmaskar</em> directions (Lesson 5) affirm that adult sex workers have the dignity protected by Article 21 and that consenting adults must not face police action. An adult victim of trafficking is a witness and a person with rights; her wishes about where she lives, her contact with her children, and her return home must be heard and recorded. Where custody in a home is ordered, it should be for reasons, for a period, and reviewed.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For magistrates",
                            "body": "<p>Before any hand-over order, record: whom the victim wishes to go to; who has applied for her custody and on what proof; whether an inquiry has been made; and whether the applicant appears anywhere in the investigation. A five-minute check can prevent re-trafficking.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "The Budhadev directions: dignity and rehabilitation",
                "content_note": "Discusses sex work and sexual assault.",
                "body": [
                    ("heading", "The litigation"),
                    (
                        "paragraph",
                        "<p>In <em>Budhadev Karmaskar v State of West Bengal</em> the Supreme Court held in 2011 that sex workers are entitled to live with dignity under Article 21, and it kept the matter pending to address the wider questions the case raised. It set up a panel to advise on <strong>prevention</strong> of trafficking, <strong>rehabilitation</strong> of sex workers who wish to leave sex work, and <strong>conditions conducive to dignified work</strong> for those who wish to continue.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "Budhadev Karmaskar v State of West Bengal",
                            "citation": "Supreme Court, 2011; directions of 19 May 2022",
                            "year": 2022,
                            "holding": "Sex workers have Article 21 dignity; under Article 142 the Court directed no police action against consenting adults, full support for sexual-assault survivors, and no media exposure of identities in rescue operations.",
                        },
                    ),
                    ("heading", "The directions of 19 May 2022"),
                    (
                        "paragraph",
                        "<p>Exercising its power under Article 142, the Court issued directions that include the following:</p><ul><li><strong>No police action against consenting adults.</strong> Where it is clear that an adult is a sex worker participating with consent, the police should not interfere or take criminal action.</li><li><strong>Full support for survivors of sexual assault.</strong> A sex worker who is a victim of sexual assault must receive all the support and facilities available to any survivor of sexual assault.</li><li><strong>No media exposure.</strong> The media must not expose the identities of the persons involved during rescue operations.</li></ul>",
                    ),
                    ("heading", "How the directions fit with trafficking law"),
                    (
                        "paragraph",
                        "<p>The directions do not weaken BNS 143 or the ITPA. They draw a line that the criminal law also draws: trafficking, which involves recruitment or harbouring by coercive or deceptive means for exploitation, and in which consent is immaterial; and voluntary adult sex work, which is not trafficking. The investigating officer, the magistrate and the trial court all have to decide, on the evidence, on which side of that line a person stands. Where the evidence shows trafficking, the full force of the law applies. Where it shows a consenting adult, the Court's directions require respect for her choices.</p>",
                    ),
                    ("heading", "Rehabilitation with dignity"),
                    (
                        "paragraph",
                        "<p>Rehabilitation works when it is chosen. For a trafficking victim, it may mean compensation under BNSS 396, legal aid under section 12(b) of the Legal Services Authorities Act, assistance under the NALSA 2015 scheme, skills and livelihood support, and safe return to her family. The court contributes by treating her as a victim and not an offender, an approach the Supreme Court recorded in <em>Prajwala v Union of India</em> (order of 9 December 2015) in relation to a victim-protection protocol, and by ensuring its orders connect her to these services.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Key point",
                            "body": "<p>Dignity is the common thread: for the trafficked person, through rescue, protection and compensation; for the consenting adult sex worker, through freedom from harassment. The court's task is to find the facts that tell the two apart.</p>",
                        },
                    ),
                ],
            },
        ],
        "questions": [
            {
                "kind": "single",
                "text": "After a trial court recommends compensation under BNSS 396, who decides the amount to be paid?",
                "options": [
                    ("The District or State Legal Services Authority", True),
                    ("The trial court itself, in the judgment", False),
                    ("The District Magistrate", False),
                    ("The High Court on a reference", False),
                ],
                "accepted_answers": [],
                "feedback": "Under BNSS 396(2), the court recommends and the DLSA or SLSA decides the quantum under the State's victim compensation scheme.",
                "basis": "BNSS 396(2)",
            },
            {
                "kind": "true_false",
                "text": "A trial court may recommend compensation under BNSS 396 even where the trial ends in acquittal.",
                "options": [("True", True), ("False", False)],
                "accepted_answers": [],
                "feedback": "Section 396(3) allows a recommendation where the case ends in acquittal or discharge and the victim has to be rehabilitated.",
                "basis": "BNSS 396(3)",
            },
            {
                "kind": "short",
                "text": "Under the Central Sector Scheme for Rehabilitation of Bonded Labourer 2021, how much financial assistance does a rescued woman bonded labourer receive (in the ordinary case)?",
                "options": [],
                "accepted_answers": [
                    "Rs 2 lakh",
                    "2 lakh",
                    "two lakh",
                    "Rs 2,00,000",
                    "2,00,000",
                    "200000",
                    "Rs 200000",
                    "Rs. 2 lakh",
                ],
                "feedback": "The 2021 scheme pays Rs 1 lakh to an adult man, Rs 2 lakh to women and children, and Rs 3 lakh in extreme cases, including sex trafficking and transgender survivors.",
                "basis": "CSS for Rehabilitation of Bonded Labourer 2021, under the BLSA 1976",
            },
            {
                "kind": "short",
                "text": "Within what period must the legal services authority complete its enquiry into a victim compensation application under BNSS 396?",
                "options": [],
                "accepted_answers": ["2 months", "two months", "2", "within two months", "within 2 months"],
                "feedback": "The DLSA or SLSA must complete the enquiry and award compensation within two months.",
                "basis": "BNSS 396",
            },
            {
                "kind": "multiple",
                "text": "In which of these situations can a trafficking victim obtain compensation under the BNSS 396 scheme? Select all that apply.",
                "options": [
                    ("The accused is convicted but compensation under section 395 is inadequate", True),
                    ("The accused is acquitted and the victim needs rehabilitation", True),
                    ("The offender is never traced or identified, but the victim is identified", True),
                    ("Only where the accused is convicted and has paid the fine", False),
                ],
                "accepted_answers": [],
                "feedback": "The scheme covers inadequate compensation on conviction, acquittal or discharge, and untraced offenders. It does not depend on the offender's conviction or payment.",
                "basis": "BNSS 396",
            },
            {
                "kind": "single",
                "text": "Which provision entitles a victim of trafficking to free legal services regardless of income?",
                "options": [
                    ("Section 12(b) of the Legal Services Authorities Act, 1987", True),
                    ("Section 395 of the BNSS", False),
                    ("Section 21 of the ITPA", False),
                    ("Section 13 of the Bonded Labour System (Abolition) Act", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 12(b) covers victims of trafficking in human beings or begar as referred to in Article 23.",
                "basis": "LSA Act 1987, s.12(b)",
            },
            {
                "kind": "true_false",
                "text": "The NALSA (Victims of Trafficking and Commercial Sexual Exploitation) Scheme, 2015 excludes voluntary sex workers from its coverage.",
                "options": [("True", False), ("False", True)],
                "accepted_answers": [],
                "feedback": "The scheme covers prevention, rescue and rehabilitation and includes voluntary sex workers.",
                "basis": "NALSA (Victims of Trafficking and Commercial Sexual Exploitation) Scheme 2015",
            },
            {
                "kind": "single",
                "text": "Under the 2021 bonded-labour rehabilitation scheme, what immediate assistance can a released bonded labourer receive?",
                "options": [
                    ("Up to Rs 30,000, from a district fund of at least Rs 10 lakh", True),
                    ("Rs 3 lakh in every case", False),
                    ("Nothing until the employer is convicted", False),
                    ("Up to Rs 1 lakh from the State Legal Services Authority", False),
                ],
                "accepted_answers": [],
                "feedback": "The scheme provides immediate assistance of up to Rs 30,000 from a district fund of at least Rs 10 lakh, in addition to the main rehabilitation amount.",
                "basis": "CSS for Rehabilitation of Bonded Labourer 2021",
            },
            {
                "kind": "multiple",
                "text": "Which of these did the Supreme Court direct on 19 May 2022 in Budhadev Karmaskar? Select all that apply.",
                "options": [
                    ("No police action against consenting adult sex workers", True),
                    ("Full support for sex workers who survive sexual assault", True),
                    ("No media exposure of identities during rescue operations", True),
                    ("Compulsory detention of every rescued adult in a protective home", False),
                ],
                "accepted_answers": [],
                "feedback": "The Article 142 directions protect consenting adults from police action, guarantee survivor support, and forbid exposure of identities in rescue operations.",
                "basis": "Budhadev Karmaskar v State of West Bengal (directions of 19 May 2022)",
            },
        ],
    },
    {
        "key": "M5",
        "title": "Labour, begging and organs: non-sexual exploitation",
        "summary": "Trafficking for forced and bonded labour, child and adolescent labour, organ trade, begging and forced criminality: the constitutional foundation, the special statutes and the practical points for courts and district police.",
        "outcomes": [
            "Apply Articles 23 and 24 and the PUDR judgment to recognise forced labour, including labour paid below the minimum wage.",
            "Use the Bonded Labour System (Abolition) Act and its vigilance committees alongside BNS 143.",
            "State what the child labour law forbids for children under 14 and for adolescents after the 2016 amendment.",
            "Identify the offences and penalties for unauthorised removal of and commercial dealing in human organs.",
            "Recognise trafficking for begging, drug couriering and arms smuggling, and treat the persons exploited as victims.",
        ],
        "audience": ["district_judge", "judicial_officer", "police"],
        "hours": 2.5,
        "edition": "2026",
        "topics": ["Labour exploitation", "Bonded labour", "Child labour", "Organ trade", "Forced criminality"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 6,
        "review_answers": "never",
        "lessons": [
            {
                "title": "Articles 23 and 24 and the Asiad workers' case",
                "content_note": "",
                "body": [
                    ("heading", "The constitutional foundation"),
                    (
                        "paragraph",
                        "<p>Two fundamental rights address exploitation directly. <strong>Article 23</strong> prohibits traffic in human beings, <em>begar</em> and other similar forms of forced labour, and makes any contravention an offence punishable in accordance with law. <strong>Article 24</strong> prohibits the employment of children below 14 years in any factory or mine or in any other hazardous employment. Unlike most fundamental rights, Article 23 operates against private persons as well as the State: the employer who compels labour violates it.</p><p>The Immoral Traffic (Prevention) Act was enacted under the mandate of Articles 23 and 35, and the later labour statutes discussed in this module give effect to the same guarantee.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "Constitution of India",
                            "section": "Article 23",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Traffic in human beings, begar and other similar forms of forced labour are prohibited, and any contravention is an offence punishable in accordance with law.",
                        },
                    ),
                    ("heading", "PUDR: what 'forced labour' means"),
                    (
                        "paragraph",
                        "<p>In <em>People's Union for Democratic Rights v Union of India</em> (1982), the case concerning workers on the construction projects for the Asian Games in Delhi, the Supreme Court gave Article 23 a wide reading. It held that the Article reaches <strong>every form of forced labour</strong>, not only <em>begar</em>, and that 'force' is not limited to physical force or legal compulsion. Economic compulsion counts: a person who has no real choice but to accept work at less than the minimum wage is providing forced labour. The Court therefore held that <strong>paying less than the minimum wage can amount to forced labour</strong>.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "People's Union for Democratic Rights v Union of India",
                            "citation": "Supreme Court, 1982 (the Asiad workers' case)",
                            "year": 1982,
                            "holding": "Article 23 reaches every form of forced labour; labour provided for less than the minimum wage can be forced labour.",
                        },
                    ),
                    ("heading", "Why this matters in a trafficking trial"),
                    (
                        "paragraph",
                        "<p>Labour trafficking cases rarely involve chains and locks alone. More often the evidence shows workers recruited with an advance, paid little or nothing, with wages withheld against a debt, documents taken, movement restricted, and threats made against family at home. Defence counsel may argue that the workers were free to leave and were paid something. <em>PUDR</em> answers the argument at the level of principle: the question is whether the worker had a real choice, and work extracted through economic compulsion at less than the minimum wage is forced labour. Under BNS 143, forced labour falls within exploitation (physical exploitation, servitude, and practices similar to slavery, in Explanation 1), and the victim's apparent agreement is immaterial under Explanation 2.</p>",
                    ),
                    ("heading", "Evidence to look for"),
                    (
                        "paragraph",
                        "<ul><li>Wage records, or their absence, compared with the notified minimum wage.</li><li>Records of advances and 'debts', and who kept them.</li><li>Who held the workers' identity documents and phones.</li><li>Whether workers could leave the site, and what happened to those who tried.</li><li>How workers were recruited, transported and by whom they were received.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For district police",
                            "body": "<p>At a rescue from a worksite, record each worker's own account of wages promised and paid, the debt claimed and the restrictions on movement, separately and through an interpreter. Those accounts are the evidence that turns a labour dispute into a trafficking case.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Bonded labour and vigilance committees",
                "content_note": "",
                "body": [
                    ("heading", "Debt as a chain"),
                    (
                        "paragraph",
                        "<p>Bonded labour is labour extracted in return for a debt, often an advance given at recruitment, that the worker can never clear because wages are withheld, deductions are invented and interest is added. It frequently crosses district or State lines: families are recruited in one State and put to work in brick kilns, quarries, agriculture or factories in another. Where the recruitment, transport and harbouring were done by the listed means for the purpose of exploitation, the facts constitute trafficking under BNS 143 as well as offences under the <strong>Bonded Labour System (Abolition) Act, 1976</strong>.</p>",
                    ),
                    ("heading", "Vigilance committees"),
                    (
                        "paragraph",
                        "<p>Section 13 of the 1976 Act requires <strong>vigilance committees</strong> to be constituted for each district and each sub-division. They exist to see that the Act is implemented: identifying bonded labourers, helping with their release and rehabilitation, and watching over prosecutions. For a court, the committee is a source of information and a body to which orders can usefully be copied. For the police, it is a partner in rescue and a safeguard against released workers being recaptured.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BLSA 1976",
                            "section": "13",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Vigilance committees for each district and sub-division, to secure implementation of the Act.",
                        },
                    ),
                    ("heading", "Charging bonded-labour cases"),
                    (
                        "paragraph",
                        "<p>A useful model is the training mock trial conducted in Chandigarh, in which the charges included IPC 370 and 374, POCSO, the child-labour prohibition in section 3 of the 1986 Act, and the offence under section 16 of the Bonded Labour Act. The lesson is that a bonded-labour case is rarely one offence. Where the recruitment and transport are proved, BNS 143 (or IPC 370 for conduct before 1 July 2024) should be considered alongside the 1976 Act; where children were among the workers, the child labour law and, where relevant, POCSO follow.</p>",
                    ),
                    ("heading", "Rehabilitation follows release"),
                    (
                        "paragraph",
                        "<p>Under the <em>Central Sector Scheme for Rehabilitation of Bonded Labourer, 2021</em>, in operation from 27 January 2022, released bonded labourers receive Rs 1 lakh (adult men), Rs 2 lakh (women and children) or Rs 3 lakh (extreme cases, including sex trafficking and transgender survivors), with up to Rs 30,000 in immediate assistance from a district fund of at least Rs 10 lakh. These payments are made by the district administration, but a clear finding by the court that the workers were held in bondage supports their claims. Module 4 deals with rehabilitation in more detail.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Practical point",
                            "body": "<p>Send a copy of any judgment or order finding bonded labour to the District Magistrate and the district vigilance committee. It costs nothing and helps ensure that release is followed by rehabilitation.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Child and adolescent labour after 2016",
                "content_note": "Concerns child victims of labour exploitation.",
                "body": [
                    ("heading", "The 2016 amendment"),
                    (
                        "paragraph",
                        "<p>The Child Labour (Prohibition and Regulation) Act, 1986 was substantially amended in 2016 and renamed the <strong>Child and Adolescent Labour (Prohibition and Regulation) Act, 1986</strong>. The amendments came into force on <strong>1 September 2016</strong>. They replaced the earlier list-based prohibition with a general bar on child labour and a separate bar on adolescents in hazardous work.</p>",
                    ),
                    ("heading", "Children under 14"),
                    (
                        "paragraph",
                        "<p>Under section 3, children below 14 years may not be employed or permitted to work in any occupation or process. There are two narrow exceptions:</p><ul><li>a child may <strong>help the family or a family enterprise</strong>, after school hours or during vacations, in work that is not hazardous; and</li><li>a child may work as an <strong>artist in the audio-visual entertainment industry</strong>, subject to safeguards.</li></ul><p>The exceptions are construed narrowly. A trafficked child working for a stranger in a workshop, a hotel, a household or a farm is not helping a family enterprise.</p>",
                    ),
                    ("heading", "Adolescents aged 14 to 18"),
                    (
                        "paragraph",
                        "<p>Section 3A bars the employment of <strong>adolescents</strong> (14 to 18) in <strong>hazardous occupations and processes</strong>, which include work in mines, work with inflammable substances or explosives, and hazardous processes. An adolescent may otherwise work, so the evidence must address the nature of the work done.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "CALPRA 1986",
                            "section": "3A",
                            "old_act": "",
                            "old_section": "",
                            "summary": "No adolescent (14 to 18) shall be employed or permitted to work in hazardous occupations or processes, such as mines, inflammable substances or explosives, and hazardous processes.",
                        },
                    ),
                    ("heading", "Enforcement and rehabilitation"),
                    (
                        "paragraph",
                        "<p>Offences under the amended Act are <strong>cognizable</strong> (section 14A), so the police may register and investigate without a magistrate's order. Section 14B provides for a <strong>Child and Adolescent Labour Rehabilitation Fund</strong> in each district, to which fines are credited for the rehabilitation of the children and adolescents rescued.</p><p>The constitutional baseline remains Article 24, which bars children under 14 from factories, mines and hazardous employment. The statute goes further, barring under-14s from all work outside the exceptions.</p>",
                    ),
                    ("heading", "Child labour and trafficking"),
                    (
                        "paragraph",
                        "<p>Where children were recruited or moved from their homes to the place of work by deception, inducement to parents, or other listed means, and for the purpose of exploitation, the case is one of child trafficking under BNS 143, with a minimum sentence of 10 years (one child) or 14 years (more than one child). The child labour offence does not displace the trafficking offence. The children's ages must be determined by the JJ Act section 94 method (Module 3), and the children are children in need of care and protection, to be produced before the Child Welfare Committee.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Key point",
                            "body": "<p>Under 14: barred from all work except family help after school and audio-visual performing. Aged 14 to 18: barred from hazardous occupations and processes. Offences cognizable. Rehabilitation fund in every district.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Organ trade under the THOTA",
                "content_note": "Discusses the forced removal of organs.",
                "body": [
                    ("heading", "Organ removal as exploitation"),
                    (
                        "paragraph",
                        "<p>Explanation 1 to BNS 143 names the <strong>forced removal of organs</strong> as a form of exploitation, and the MHA's August 2022 advisory listed organ trade among the forms of trafficking courts should understand. Organ trafficking typically involves poor persons recruited with promises of money, transported to another city, and operated upon under documents that falsely describe them as relatives or altruistic donors. The <strong>Transplantation of Human Organs and Tissues Act, 1994</strong> (THOTA) creates the specific offences.</p>",
                    ),
                    ("heading", "The offences"),
                    (
                        "paragraph",
                        "<ul><li><strong>Section 18: removal without authority.</strong> Unauthorised removal of human organs is punishable with imprisonment up to <strong>10 years</strong> and a fine up to <strong>Rs 20 lakh</strong>.</li><li><strong>Section 19: commercial dealings.</strong> Making or receiving payment for organs, and related commercial dealing, is punishable with imprisonment of <strong>not less than 5 years and up to 10 years</strong>, and a fine of <strong>not less than Rs 20 lakh, up to Rs 1 crore</strong>. These penalties were introduced by the 2011 amendment, in force from 10 January 2014.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "THOTA 1994",
                            "section": "19",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Commercial dealing in human organs: imprisonment of 5 to 10 years and a fine of Rs 20 lakh to Rs 1 crore (as amended in 2011, in force from 10 January 2014).",
                        },
                    ),
                    (
                        "statute",
                        {
                            "act": "THOTA 1994",
                            "section": "18",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Removal of human organs without authority: imprisonment up to 10 years and a fine up to Rs 20 lakh.",
                        },
                    ),
                    ("heading", "The 'donor' is a victim"),
                    (
                        "paragraph",
                        "<p>In organ-trade prosecutions, the person whose organ was taken is often portrayed as a willing seller who signed consent forms. The trafficking analysis answers that portrayal: where the person was recruited by deception or inducement, transported and received for the purpose of removing an organ, the offence under BNS 143 is made out and the person's consent is immaterial. The documents themselves, often false declarations of relationship or affection, may be evidence of the fraud. The victim's medical records, before and after surgery, should be secured early, as should records of payments.</p>",
                    ),
                    ("heading", "Who may be liable"),
                    (
                        "paragraph",
                        "<p>Organ trafficking requires a network: recruiters, brokers, persons who forge documents, and in some cases medical professionals and hospital staff. Each may fall within the THOTA offences and, where they recruited, transported, harboured, transferred or received the victim, within BNS 143. The recipient of the organ may also be within the commercial-dealing offence where he paid for it. A charge sheet that names only the broker may leave much of the network untouched.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For investigators",
                            "body": "<p>Trace the money. Organ trafficking is driven by large payments, and bank records, hospital billing and the broker's accounts are often the most reliable evidence of both the commercial dealing under THOTA section 19 and the means and purpose under BNS 143.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Begging, drug couriers and arms smuggling",
                "content_note": "Refers to the exploitation of children for begging and crime.",
                "body": [
                    ("heading", "The wider forms of exploitation"),
                    (
                        "paragraph",
                        "<p>The MHA's August 2022 advisory to the High Courts listed, alongside forced labour and prostitution, several forms of exploitation that courts see less often as trafficking: <strong>begging</strong>, use as <strong>drug couriers</strong>, and <strong>arms smuggling</strong>. In these cases the trafficked person is often found committing, or appearing to commit, an offence. The risk is that the victim is prosecuted while the trafficker is not identified.</p>",
                    ),
                    ("heading", "Begging"),
                    (
                        "paragraph",
                        "<p>Explanation 1 to BNS 143 names <strong>beggary</strong> as a form of exploitation. Children, persons with disabilities and elderly people are recruited or moved to cities, placed at traffic junctions or places of worship, and made to hand over what they collect. Signs include a controller who drops off and collects the persons begging, children who are not with their parents, injuries or disabilities that appear to have been used to increase earnings, and persons who do not speak the local language. The recruitment, transport and harbouring of such persons, by the listed means, for beggary, is trafficking.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNS",
                            "section": "143, Explanation 1",
                            "old_act": "IPC",
                            "old_section": "370, Explanation 1",
                            "summary": "Exploitation includes physical exploitation, sexual exploitation, slavery or similar practices, servitude, beggary and forced removal of organs.",
                        },
                    ),
                    ("heading", "Drug couriers and arms smuggling"),
                    (
                        "paragraph",
                        "<p>Traffickers use vulnerable persons, including children and women recruited with promises of work, to carry drugs or arms across borders or between States. The person caught carrying the consignment is the one most visible to the police, and the one most easily charged. The list of forms of exploitation in Explanation 1 is inclusive; where a person was recruited or moved by the listed means in order to be used in this way, the court should consider whether the facts show exploitation within BNS 143, and who was responsible for it.</p>",
                    ),
                    ("heading", "Treating victims as victims"),
                    (
                        "paragraph",
                        "<p>The sources for this course identify no general statutory defence in Indian law for a trafficked person compelled to commit an offence, and this module does not suggest one. The principle that trafficked persons should be treated as victims, not offenders, was recorded by the Supreme Court in <em>Prajwala v Union of India</em> (order of 9 December 2015) in connection with a victim-protection protocol. In practice it shapes how police, prosecutors and courts approach the facts:</p><ul><li>the investigating officer should ask, in every case involving a courier or a person begging, how the person came to be there and who controls them;</li><li>the prosecutor should consider whether the evidence shows the accused to be a victim of trafficking, and whether the true offender has been identified;</li><li>where the person is a child, the child is dealt with under the Juvenile Justice Act, and the authorities should consider whether the child is also a child in need of care and protection.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Ask the second question",
                            "body": "<p>The first question is what the person in front of the court did. The second is who sent them. In trafficking for begging or crime, the answer to the second question is where the real prosecution lies.</p>",
                        },
                    ),
                ],
            },
        ],
        "questions": [
            {
                "kind": "single",
                "text": "Can paying a worker less than the minimum wage amount to forced labour under Article 23?",
                "options": [
                    ("Yes. Economic compulsion to work for less than the minimum wage can be forced labour.", True),
                    ("No. Forced labour requires physical force.", False),
                    ("No, if the worker agreed to the wage in writing.", False),
                    ("Only where the employer is the State.", False),
                ],
                "accepted_answers": [],
                "feedback": "In PUDR v Union of India (1982), the Supreme Court held that Article 23 reaches every form of forced labour, and that labour provided for less than the minimum wage can be forced labour.",
                "basis": "Constitution Art. 23; PUDR v Union of India (1982)",
            },
            {
                "kind": "single",
                "text": "After the 2016 amendment, what work is barred for adolescents aged 14 to 18?",
                "options": [
                    ("Hazardous occupations and processes", True),
                    ("All work of any kind", False),
                    ("Only night work", False),
                    ("Only work in factories employing more than ten workers", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 3A of the Child and Adolescent Labour (Prohibition and Regulation) Act bars adolescents from hazardous occupations and processes, such as mines and work with inflammables or explosives.",
                "basis": "CALPRA 1986 s.3A (as amended from 1 September 2016)",
            },
            {
                "kind": "short",
                "text": "What is the minimum term of imprisonment under section 19 of the THOTA for commercial dealing in human organs?",
                "options": [],
                "accepted_answers": ["5 years", "five years", "5"],
                "feedback": "Section 19 carries 5 to 10 years and a fine of Rs 20 lakh to Rs 1 crore, as amended in 2011 with effect from 10 January 2014.",
                "basis": "THOTA 1994 s.19",
            },
            {
                "kind": "multiple",
                "text": "Under the amended child labour law, in which of these situations may a child under 14 lawfully work? Select all that apply.",
                "options": [
                    ("Helping a family enterprise after school hours, in non-hazardous work", True),
                    ("As an artist in the audio-visual entertainment industry, subject to safeguards", True),
                    ("As a domestic worker in an unrelated employer's home", False),
                    ("In a roadside hotel owned by a family friend, during school hours", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 3 bars children under 14 from all work, with narrow exceptions for helping the family or a family enterprise after school, and for audio-visual performing.",
                "basis": "CALPRA 1986 s.3",
            },
            {
                "kind": "true_false",
                "text": "Offences under the Child and Adolescent Labour (Prohibition and Regulation) Act are cognizable after the 2016 amendment.",
                "options": [("True", True), ("False", False)],
                "accepted_answers": [],
                "feedback": "Section 14A makes offences under the Act cognizable.",
                "basis": "CALPRA 1986 s.14A",
            },
            {
                "kind": "single",
                "text": "Which body does section 13 of the Bonded Labour System (Abolition) Act, 1976 require at district and sub-division level?",
                "options": [
                    ("A vigilance committee", True),
                    ("A Child Welfare Committee", False),
                    ("An Anti-Human Trafficking Unit", False),
                    ("A special court", False),
                ],
                "accepted_answers": [],
                "feedback": "Section 13 provides for vigilance committees in each district and sub-division to secure implementation of the Act.",
                "basis": "BLSA 1976 s.13",
            },
            {
                "kind": "multiple",
                "text": "Which of the following did the MHA's August 2022 advisory list as forms of exploitation? Select all that apply.",
                "options": [
                    ("Begging", True),
                    ("Use as drug couriers", True),
                    ("Arms smuggling", True),
                    ("Organ trade", True),
                    ("Voluntary migration for lawful work at fair wages", False),
                ],
                "accepted_answers": [],
                "feedback": "The advisory listed forced labour, prostitution, forced marriage, domestic servitude, begging, organ trade, use as drug couriers and arms smuggling.",
                "basis": "MHA advisory, August 2022",
            },
            {
                "kind": "short",
                "text": "What is the maximum term of imprisonment under section 18 of the THOTA for removing human organs without authority?",
                "options": [],
                "accepted_answers": ["10 years", "ten years", "10"],
                "feedback": "Section 18 provides imprisonment up to 10 years and a fine up to Rs 20 lakh.",
                "basis": "THOTA 1994 s.18",
            },
            {
                "kind": "true_false",
                "text": "Article 24 of the Constitution prohibits the employment of children below 14 years in factories, mines and other hazardous employment.",
                "options": [("True", True), ("False", False)],
                "accepted_answers": [],
                "feedback": "Article 24 sets this constitutional baseline; the 1986 Act as amended in 2016 goes further and bars under-14s from all work outside narrow exceptions.",
                "basis": "Constitution Art. 24",
            },
        ],
    },
    {
        "key": "M6",
        "title": "Inter-state and cross-border trafficking cases",
        "summary": "The international and regional instruments, bilateral arrangements, NIA jurisdiction and AHTU structure that shape trafficking cases crossing State and national borders, and how to keep repatriated victims in the trial through video-conference.",
        "outcomes": [
            "Describe India's obligations under the Palermo Protocol and the SAARC Convention, and the limits of the SAARC Convention's scope.",
            "Explain the India-Bangladesh MoU and the position at the Nepal border, and their bearing on repatriation and evidence.",
            "State when the NIA may investigate trafficking, and identify the points on its jurisdiction after the BNS that remain to be confirmed.",
            "Use the three-tier AHTU structure to gather evidence across State lines.",
            "Plan the testimony of repatriated victims by video-conference.",
        ],
        "audience": ["hc_judge", "prosecutor", "police"],
        "hours": 2.5,
        "edition": "2026",
        "topics": ["Cross-border", "Inter-state", "Investigation", "Repatriation", "Video-conference"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 6,
        "lessons": [
            {
                "title": "The Palermo Protocol and the SAARC Convention",
                "content_note": "",
                "body": [
                    ("heading", "Why international instruments matter in a Sessions Court"),
                    (
                        "paragraph",
                        "<p>Trafficking is a crime that moves. Victims are recruited in one country or State and exploited in another, and the evidence is spread along the route. International and regional instruments set the common understanding on which cooperation rests, and they are a legitimate aid when a court interprets domestic provisions such as BNS 143, whose act-means-purpose structure mirrors the international definition.</p>",
                    ),
                    ("heading", "The Palermo Protocol"),
                    (
                        "paragraph",
                        "<p>The United Nations Convention against Transnational Organized Crime (UNTOC) has three protocols, one of which deals with trafficking in persons, especially women and children; it is commonly called the <strong>Palermo Protocol</strong>. India <strong>signed</strong> the Convention and its three protocols on <strong>12 December 2002</strong> and <strong>ratified</strong> them in <strong>May 2011</strong>. The <strong>Central Bureau of Investigation</strong> is India's nodal authority under the Convention.</p><p>The Protocol's approach of defining trafficking by act, means and purpose, and making consent irrelevant where the means are used, is reflected in IPC 370 as substituted in 2013 and now in BNS 143.</p>",
                    ),
                    ("heading", "The SAARC Convention"),
                    (
                        "paragraph",
                        "<p>The <strong>SAARC Convention on Preventing and Combating Trafficking in Women and Children for Prostitution</strong> was signed at the 11th SAARC Summit in Kathmandu in January 2002 and came into force in 2006. Two features matter in practice:</p><ul><li>it defines a <strong>child</strong> as a person <strong>under 18</strong>; and</li><li>its scope is <strong>limited to trafficking for prostitution</strong>. It does not, by its terms, cover trafficking for labour, organ removal or other forms of exploitation.</li></ul><p>It is nonetheless the principal regional framework for cooperation with neighbouring SAARC countries in sex-trafficking cases, including on repatriation of victims.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "SAARC Convention on trafficking for prostitution",
                            "section": "Article I",
                            "old_act": "",
                            "old_section": "",
                            "summary": "Defines a child as a person who has not attained the age of 18 years; the Convention addresses trafficking of women and children for prostitution.",
                        },
                    ),
                    ("heading", "Using the instruments carefully"),
                    (
                        "paragraph",
                        "<p>Treaties do not create offences in Indian law; the offence is the one in the BNS or the special statute. Their value in court is as an aid to interpretation, as evidence of the purpose of the domestic provision, and as the framework within which evidence and witnesses can be obtained from other countries. When a defence argument turns on a narrow reading of 'exploitation', the international definition that BNS 143 follows can help the court to read the provision as Parliament intended.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Key dates",
                            "body": "<p>UNTOC and protocols: signed 12 December 2002, ratified May 2011, CBI as nodal authority. SAARC Convention: signed January 2002 at Kathmandu, in force 2006; child under 18; prostitution only.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Bilateral arrangements: Bangladesh, Nepal and beyond",
                "content_note": "Refers to cross-border trafficking of women and children.",
                "body": [
                    ("heading", "The India-Bangladesh MoU"),
                    (
                        "paragraph",
                        "<p>India and Bangladesh have a Memorandum of Understanding on the <strong>prevention of trafficking, rescue, repatriation and reintegration</strong> of victims, particularly women and children. The Union Cabinet approved it on <strong>30 May 2015</strong>, and it is supported by a <strong>joint Task Force</strong> of the two countries. India has similar MoUs with the <strong>UAE, Cambodia, Myanmar and Bahrain</strong>.</p><p>The MoU is an executive arrangement. It does not alter the law of evidence or the rights of the accused. What it provides is an agreed channel for verifying nationality, repatriating victims and, in principle, cooperating on investigation: the practical steps that determine whether a Bangladeshi victim rescued in an Indian city can be safely returned home and can still give evidence.</p>",
                    ),
                    ("heading", "The Nepal border"),
                    (
                        "paragraph",
                        "<p>The India-Nepal border is open and is guarded on the Indian side by the <strong>Sashastra Seema Bal (SSB)</strong>. The sources used for this course found <strong>no bilateral anti-trafficking MoU between India and Nepal</strong>; trainers should check whether that remains the position before teaching it as settled. An open border means that there is no passport record of a crossing, so the prosecution's evidence of transport usually comes from witnesses, bus and rail records, phone data, and interception records of the SSB or local police and civil society groups working at the border.</p>",
                    ),
                    ("heading", "Repatriation and the trial"),
                    (
                        "paragraph",
                        "<p>Repatriation is a right of the victim and a priority of rehabilitation; it should not be delayed merely to keep the victim available as a witness. But once the victim has returned home, the trial court in India may find her out of reach. The solution is to plan for both from the start:</p><ul><li>record the victim's statement before a Magistrate under BNSS 183, with audio-video recording, before repatriation;</li><li>take her evidence early if possible, with the POCSO time limit in mind where she is a child;</li><li>if the trial cannot proceed before she leaves, arrange testimony by video-conference (Lesson 5) through the channels the MoU and the central authorities provide.</li></ul>",
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "183",
                            "old_act": "CrPC",
                            "old_section": "164",
                            "summary": "Statements and confessions recorded by a Magistrate, which may be recorded by audio-video electronic means.",
                        },
                    ),
                    ("heading", "Victims, not illegal migrants"),
                    (
                        "paragraph",
                        "<p>A foreign national rescued from a brothel or a factory may lack valid travel documents. The approach recorded by the Supreme Court in <em>Prajwala v Union of India</em> (9 December 2015), of treating trafficking victims as victims rather than offenders, applies with particular force here. A court that finds a foreign victim among the accused in a case under immigration law should examine whether she was trafficked, and the prosecutor should consider whether continuing that prosecution serves justice.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For High Courts",
                            "body": "<p>Administrative guidance to trial courts on video-conference testimony of repatriated witnesses, including arrangements with the relevant authorities for remote points in Bangladesh and Nepal, can make the difference between a trial that proceeds and one that stalls for want of its principal witness.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "NIA jurisdiction and the unfinished legislative picture",
                "content_note": "",
                "body": [
                    ("heading", "The 2019 amendment"),
                    (
                        "paragraph",
                        "<p>The <strong>National Investigation Agency (Amendment) Act, 2019</strong>, passed in July 2019, extended the NIA's remit to include offences relating to <strong>human trafficking</strong> (IPC 370 and 370A), together with offences relating to counterfeit currency, prohibited arms, cyber-terrorism and the Explosive Substances Act. The NIA can therefore investigate a trafficking case where the Central Government entrusts it to the agency. Its first human-trafficking case concerned <strong>Bangladeshi women trafficked to Hyderabad</strong>.</p>",
                    ),
                    (
                        "statute",
                        {
                            "act": "NIA Act 2008 (as amended in 2019)",
                            "section": "Schedule",
                            "old_act": "",
                            "old_section": "",
                            "summary": "The 2019 amendment added human trafficking offences under IPC 370 and 370A to the offences the NIA may investigate; how the Schedule maps to BNS 143 and 144 is to be confirmed.",
                        },
                    ),
                    ("heading", "An open question after the BNS"),
                    (
                        "paragraph",
                        "<p>The Schedule to the NIA Act refers to the IPC sections. How it now applies to offences under <strong>BNS 143 and 144</strong> is <strong>not settled in this course's sources</strong> and should be confirmed from the current text of the Schedule and any notification before it is relied on. The Supreme Court has noted that BNS 96, 98 and 99 are not included in the NIA Schedule. Judges and prosecutors dealing with an NIA trafficking case for conduct after 1 July 2024 should check the basis of the agency's jurisdiction at the outset.</p>",
                    ),
                    ("heading", "The agency that was promised"),
                    (
                        "paragraph",
                        "<p>In <em>Prajwala v Union of India</em> (WP(C) 56/2004), the Supreme Court's order of 9 December 2015 recorded the Ministry of Home Affairs' commitment to set up an <strong>Organised Crime Investigative Agency</strong> by 30 September 2016. That agency was never set up. The same order recorded that a committee of the Ministry of Women and Child Development would draft a comprehensive law, including a protocol for treating victims as victims. Compliance hearings continued in 2024 and 2025.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "Prajwala v Union of India",
                            "citation": "WP(C) 56/2004, order of 9 December 2015",
                            "year": 2015,
                            "holding": "Recorded the MHA's commitment to an Organised Crime Investigative Agency by 30 September 2016 (never set up) and an MWCD committee to draft a comprehensive law with a victim-protection protocol.",
                        },
                    ),
                    ("heading", "The comprehensive Bill"),
                    (
                        "paragraph",
                        "<p>A comprehensive anti-trafficking law has been attempted but <strong>not enacted</strong>. The Trafficking of Persons (Prevention, Protection and Rehabilitation) Bill, 2018 was passed by the Lok Sabha on 26 July 2018 but was not taken up in the Rajya Sabha and lapsed. In June and July 2021 the Ministry of Women and Child Development circulated a draft Trafficking in Persons (Prevention, Care and Rehabilitation) Bill, 2021 for comments; its features included reach over cross-border offences, recognition of transgender persons as victims, national, state and district committees, and the NIA as investigator. In December 2022 the Centre told the Supreme Court the draft was still being revised, and in December 2025 the Supreme Court asked the Union to justify dropping it in favour of the BNS, the ITPA and the NIA Act.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "What the law is today",
                            "body": "<p>Until Parliament acts, trafficking cases are governed by BNS 143 and 144 (IPC 370 and 370A for earlier offences), the ITPA, POCSO, the JJ Act, the labour statutes and the NIA Act. Draft Bills are context, not law.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "The AHTU structure and evidence across State lines",
                "content_note": "",
                "body": [
                    ("heading", "How the police are organised against trafficking"),
                    (
                        "paragraph",
                        "<p>The Ministry of Home Affairs set up a Nodal Cell on trafficking in 2006 and issued advisories to the States between 2009 and 2015. A scheme for <strong>Anti-Human Trafficking Units (AHTUs)</strong> began in 2010-11. Between 2019 and 2021, Rs 98.86 crore from the Nirbhaya Fund was provided so that AHTUs could cover every district. 768 AHTUs were reported to be working in 2021, and the Union told the Supreme Court in December 2024 that there were 827.</p>",
                    ),
                    ("heading", "The three tiers"),
                    (
                        "paragraph",
                        "<p>An MHA advisory of December 2020 set out a three-tier structure:</p><ol><li><strong>State level:</strong> an <strong>Anti-Human Trafficking Bureau</strong> at State police headquarters, headed by an officer of the rank of Additional Director General of Police;</li><li><strong>District level:</strong> an <strong>AHTU in every district</strong>, headed by a Superintendent or Deputy Superintendent of Police;</li><li><strong>Police station level:</strong> a <strong>Women Help Desk</strong> in every police station.</li></ol>",
                    ),
                    ("heading", "Evidence that lives in another State"),
                    (
                        "paragraph",
                        "<p>In an inter-state trafficking case the evidence is divided. The place of exploitation holds the premises, the accused, the rescued victims and the records of the business. The source district holds the evidence of recruitment: the victim's family, the recruiter's contacts, the payment to the family, the village witnesses, and, critically, the school and birth records that prove the victim's age. The transit route holds ticket records, CCTV and the evidence of those who transported her.</p><p>The AHTU structure is the channel for collecting that evidence. A district AHTU in the destination State can request its counterpart in the source district, or work through the State bureau, to trace witnesses and obtain documents. Prosecutors should ask early in the case whether this has been done, and courts can direct the investigating agency to place such evidence on record where it is missing.</p>",
                    ),
                    ("heading", "Reading the statistics with care"),
                    (
                        "paragraph",
                        "<p>NCRB's <em>Crime in India</em> recorded 2,250 trafficking cases in 2022 with 6,036 victims (2,878 children and 3,158 adults), 6,693 persons rescued and 5,864 arrested; Telangana registered the most cases (391) and Odisha the most victims (1,120). Recent editions count only cases registered by AHTUs, so the figures reflect where units are active and registering cases as much as where trafficking occurs. Conviction rates have been low: 29.4% in 2018, 22% in 2019, 10.6% in 2020 and about 16% in 2021.</p>",
                    ),
                    (
                        "callout",
                        {
                            "title": "For AHTU nodal officers",
                            "body": "<p>Open the source-district file on the day of rescue: the victim's home address, the names of those who recruited her, and the school she attended. Weeks later the trail is colder, the family may have been pressured, and the documents harder to obtain.</p>",
                        },
                    ),
                ],
            },
            {
                "title": "Repatriated victims and testimony by video-conference",
                "content_note": "Refers to victims of trafficking giving evidence about their exploitation.",
                "body": [
                    ("heading", "The problem"),
                    (
                        "paragraph",
                        "<p>The victim of a cross-border or inter-state trafficking case is often the only witness who can speak to the whole of the offence: how she was recruited, by whom, by what promises, how she was moved, and what was done to her. Once rescued, she is rightly restored to her family or repatriated to her country. Bringing her back for a trial months or years later is expensive, depends on travel documents and escorts, exposes her again to the place of her exploitation, and frequently does not happen. The result is an acquittal for want of evidence.</p>",
                    ),
                    ("heading", "The law allows evidence from where she is"),
                    (
                        "paragraph",
                        "<p>The Supreme Court held in <em>State of Maharashtra v Praful B. Desai</em> that recording evidence by video-conference satisfies the requirement that evidence be taken in the presence of the accused. The Delhi High Court applied that approach to trafficking victims in <em>Court on its own motion v State</em> (2004), permitting rehabilitated victims to testify by video-conference. The BNSS now provides for it expressly: <strong>section 530</strong> allows trials, inquiries and proceedings, including the recording of evidence, in electronic and audio-video mode, and the <strong>proviso to section 254</strong> allows a witness's evidence to be recorded by audio-video electronic means.</p>",
                    ),
                    (
                        "case",
                        {
                            "name": "State of Maharashtra v Praful B. Desai",
                            "citation": "(2003) 4 SCC 601",
                            "year": 2003,
                            "holding": "Evidence recorded by video-conference meets the requirement that evidence be taken in the presence of the accused.",
                        },
                    ),
                    (
                        "statute",
                        {
                            "act": "BNSS",
                            "section": "254, proviso",
                            "old_act": "",
                            "old_section": "",
                            "summary": "The evidence of a witness may be recorded by audio-video electronic means.",
                        },
                    ),
                    ("heading", "Making it work across a border"),
                    (
                        "paragraph",
                        "<ul><li><strong>Identify the remote point early.</strong> A court, a legal services office, or a government or recognised shelter facility in the victim's home area, with an official who can confirm her identity and that she is testifying freely.</li><li><strong>Use the agreed channels.</strong> For Bangladesh, the MoU and the joint Task Force; for other countries, the central authorities. The prosecution and investigating agency should make the request, not the victim.</li><li><strong>Interpretation.</strong> Arrange a qualified interpreter in her language, ideally at her end.</li><li><strong>Fairness to the accused.</strong> Ensure that the accused and counsel can see and hear her, cross-examine, and confer privately; record the arrangements in the order sheet.</li><li><strong>Protection.</strong> Consider the State witness protection scheme under BNSS 398, and whether the court should be closed under the proviso to BNSS 366(1) while she testifies.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "title": "Key point",
                            "body": "<p>Repatriation and prosecution need not be in conflict. With a statement recorded under BNSS 183 before she leaves, and evidence taken by video-conference after she returns, the victim can go home and the case can still be proved.</p>",
                        },
                    ),
                ],
            },
        ],
        "questions": [
            {
                "kind": "short",
                "text": "In which year did India ratify the UN Convention against Transnational Organized Crime and its protocols, including the trafficking protocol?",
                "options": [],
                "accepted_answers": ["2011", "May 2011", "in 2011"],
                "feedback": "India signed UNTOC and its three protocols on 12 December 2002 and ratified them in May 2011. The CBI is the nodal authority.",
                "basis": "UNTOC Protocol on trafficking in persons",
            },
            {
                "kind": "single",
                "text": "Which central agency was empowered in 2019 to investigate human trafficking offences?",
                "options": [
                    ("The National Investigation Agency", True),
                    ("The Central Bureau of Investigation", False),
                    ("The Organised Crime Investigative Agency", False),
                    ("The Narcotics Control Bureau", False),
                ],
                "accepted_answers": [],
                "feedback": "The NIA (Amendment) Act 2019 added human trafficking (IPC 370 and 370A) to the NIA's remit. The Organised Crime Investigative Agency recorded in Prajwala was never set up.",
                "basis": "NIA (Amendment) Act 2019",
            },
            {
                "kind": "single",
                "text": "How does the SAARC Convention on Preventing and Combating Trafficking in Women and Children for Prostitution define a child?",
                "options": [
                    ("A person under 18", True),
                    ("A person under 16", False),
                    ("A person under 14", False),
                    ("As defined by the law of each member State", False),
                ],
                "accepted_answers": [],
                "feedback": "Article I of the SAARC Convention defines a child as a person under 18.",
                "basis": "SAARC Convention, Art. I",
            },
            {
                "kind": "true_false",
                "text": "The SAARC Convention covers trafficking for all forms of exploitation, including forced labour and organ removal.",
                "options": [("True", False), ("False", True)],
                "accepted_answers": [],
                "feedback": "The SAARC Convention's scope is limited to trafficking of women and children for prostitution.",
                "basis": "SAARC Convention",
            },
            {
                "kind": "multiple",
                "text": "Which tiers did the MHA's December 2020 advisory set out for anti-trafficking policing? Select all that apply.",
                "options": [
                    ("An Anti-Human Trafficking Bureau at State headquarters under an ADGP", True),
                    ("An AHTU in every district under an SP or DSP", True),
                    ("A Women Help Desk in every police station", True),
                    ("A trafficking special court in every police district", False),
                ],
                "accepted_answers": [],
                "feedback": "The December 2020 advisory set a three-tier structure: State bureau, district AHTU and police-station Women Help Desk.",
                "basis": "MHA advisory, December 2020",
            },
            {
                "kind": "single",
                "text": "When did the Union Cabinet approve the India-Bangladesh MoU on prevention of trafficking, rescue, repatriation and reintegration?",
                "options": [
                    ("30 May 2015", True),
                    ("12 December 2002", False),
                    ("January 2002", False),
                    ("July 2019", False),
                ],
                "accepted_answers": [],
                "feedback": "The Cabinet approved the MoU on 30 May 2015; it is backed by a joint Task Force.",
                "basis": "India-Bangladesh MoU (Cabinet approval 30 May 2015)",
            },
            {
                "kind": "true_false",
                "text": "A comprehensive anti-trafficking statute replacing the ITPA has been enacted by Parliament.",
                "options": [("True", False), ("False", True)],
                "accepted_answers": [],
                "feedback": "The 2018 Bill passed the Lok Sabha but lapsed; a 2021 draft was circulated for comments. No comprehensive law has been enacted.",
                "basis": "Trafficking of Persons Bill 2018 (lapsed); draft Bill 2021",
            },
            {
                "kind": "multiple",
                "text": "A trafficking victim has been repatriated to Bangladesh. Which of the following support recording her evidence by video-conference? Select all that apply.",
                "options": [
                    ("BNSS 530", True),
                    ("The proviso to BNSS 254", True),
                    ("State of Maharashtra v Praful B. Desai (2003)", True),
                    ("ITPA section 22B", False),
                ],
                "accepted_answers": [],
                "feedback": "BNSS 530 and the proviso to section 254 permit audio-video evidence, and Praful Desai held it satisfies the presence-of-accused rule. ITPA section 22B concerns summary trial.",
                "basis": "BNSS 530, 254 proviso; Praful B. Desai (2003) 4 SCC 601",
            },
            {
                "kind": "single",
                "text": "Which agency is India's nodal authority under the UN Convention against Transnational Organized Crime?",
                "options": [
                    ("The Central Bureau of Investigation", True),
                    ("The National Investigation Agency", False),
                    ("The Ministry of Women and Child Development", False),
                    ("The National Legal Services Authority", False),
                ],
                "accepted_answers": [],
                "feedback": "The CBI is the nodal authority for UNTOC and its protocols.",
                "basis": "UNTOC (ratified May 2011)",
            },
        ],
    },
]
