/**
 * The papers and books the articles rely on. Articles cite them by key: <Cite k="poole2016" />;
 * an unknown key fails the build (remark-cite). Titles, venues, pages and identifiers are as
 * published; add a work here before citing it.
 */
import { parseBibliography, type Reference } from './schema.ts';

const SOURCE = 'src/lib/references/bibliography.ts';

const ganguli = { family: 'Ganguli', given: 'Surya' };
const schoenholz = { family: 'Schoenholz', given: 'Samuel S.' };
const sohlDickstein = { family: 'Sohl-Dickstein', given: 'Jascha' };
const pennington = { family: 'Pennington', given: 'Jeffrey' };
const bengio = { family: 'Bengio', given: 'Yoshua' };

export const bibliography: readonly Reference[] = parseBibliography(
  [
    {
      key: 'ba2016',
      type: 'article',
      authors: [{ family: 'Ba', given: 'Jimmy Lei' }, { family: 'Kiros', given: 'Jamie Ryan' }, { family: 'Hinton', given: 'Geoffrey E.' }],
      title: 'Layer normalization',
      year: 2016,
      venue: 'arXiv preprint',
      arxiv: '1607.06450',
    },
    {
      key: 'bengio1994',
      type: 'article',
      authors: [bengio, { family: 'Simard', given: 'Patrice' }, { family: 'Frasconi', given: 'Paolo' }],
      title: 'Learning long-term dependencies with gradient descent is difficult',
      year: 1994,
      venue: 'IEEE Transactions on Neural Networks',
      volume: '5',
      number: '2',
      pages: '157–166',
      doi: '10.1109/72.279181',
    },
    {
      key: 'glorot2010',
      type: 'inproceedings',
      authors: [{ family: 'Glorot', given: 'Xavier' }, bengio],
      title: 'Understanding the difficulty of training deep feedforward neural networks',
      year: 2010,
      venue: 'Proceedings of the Thirteenth International Conference on Artificial Intelligence and Statistics (AISTATS)',
      venueShort: 'AISTATS 2010',
      series: 'Proceedings of Machine Learning Research',
      volume: '9',
      pages: '249–256',
      url: 'https://proceedings.mlr.press/v9/glorot10a.html',
    },
    {
      key: 'hanin2018',
      type: 'inproceedings',
      authors: [{ family: 'Hanin', given: 'Boris' }],
      title: 'Which neural net architectures give rise to exploding and vanishing gradients?',
      year: 2018,
      venue: 'Advances in Neural Information Processing Systems 31 (NeurIPS 2018)',
      venueShort: 'NeurIPS 2018',
      arxiv: '1801.03744',
    },
    {
      key: 'he2015',
      type: 'inproceedings',
      authors: [{ family: 'He', given: 'Kaiming' }, { family: 'Zhang', given: 'Xiangyu' }, { family: 'Ren', given: 'Shaoqing' }, { family: 'Sun', given: 'Jian' }],
      title: 'Delving deep into rectifiers: surpassing human-level performance on ImageNet classification',
      year: 2015,
      venue: 'Proceedings of the IEEE International Conference on Computer Vision (ICCV)',
      venueShort: 'ICCV 2015',
      pages: '1026–1034',
      doi: '10.1109/ICCV.2015.123',
      arxiv: '1502.01852',
    },
    {
      key: 'he2016',
      type: 'inproceedings',
      authors: [{ family: 'He', given: 'Kaiming' }, { family: 'Zhang', given: 'Xiangyu' }, { family: 'Ren', given: 'Shaoqing' }, { family: 'Sun', given: 'Jian' }],
      title: 'Deep residual learning for image recognition',
      year: 2016,
      venue: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
      venueShort: 'CVPR 2016',
      pages: '770–778',
      doi: '10.1109/CVPR.2016.90',
    },
    {
      key: 'hochreiter1991',
      type: 'thesis',
      authors: [{ family: 'Hochreiter', given: 'Sepp' }],
      title: 'Untersuchungen zu dynamischen neuronalen Netzen',
      language: 'de',
      year: 1991,
      thesisType: 'Diploma thesis',
      school: 'Institut für Informatik, Technische Universität München',
    },
    {
      key: 'kingma2015',
      type: 'inproceedings',
      authors: [{ family: 'Kingma', given: 'Diederik P.' }, { family: 'Ba', given: 'Jimmy' }],
      title: 'Adam: a method for stochastic optimization',
      year: 2015,
      venue: 'International Conference on Learning Representations (ICLR)',
      venueShort: 'ICLR 2015',
      arxiv: '1412.6980',
    },
    {
      key: 'lecun1998',
      type: 'incollection',
      authors: [
        { family: 'LeCun', given: 'Yann' },
        { family: 'Bottou', given: 'Léon' },
        { family: 'Orr', given: 'Genevieve B.' },
        { family: 'Müller', given: 'Klaus-Robert' },
      ],
      title: 'Efficient BackProp',
      year: 1998,
      venue: 'Neural Networks: Tricks of the Trade',
      editors: [
        { family: 'Orr', given: 'Genevieve B.' },
        { family: 'Müller', given: 'Klaus-Robert' },
      ],
      series: 'Lecture Notes in Computer Science',
      volume: '1524',
      pages: '9–50',
      publisher: 'Springer',
      doi: '10.1007/3-540-49430-8_2',
    },
    {
      key: 'nielsen2015',
      type: 'book',
      authors: [{ family: 'Nielsen', given: 'Michael A.' }],
      title: 'Neural Networks and Deep Learning',
      year: 2015,
      publisher: 'Determination Press',
      url: 'http://neuralnetworksanddeeplearning.com/',
    },
    {
      key: 'pascanu2013',
      type: 'inproceedings',
      authors: [{ family: 'Pascanu', given: 'Razvan' }, { family: 'Mikolov', given: 'Tomas' }, bengio],
      title: 'On the difficulty of training recurrent neural networks',
      year: 2013,
      venue: 'Proceedings of the 30th International Conference on Machine Learning (ICML)',
      venueShort: 'ICML 2013',
      series: 'Proceedings of Machine Learning Research',
      volume: '28',
      pages: '1310–1318',
      url: 'https://proceedings.mlr.press/v28/pascanu13.html',
    },
    {
      key: 'pennington2017',
      type: 'inproceedings',
      authors: [pennington, schoenholz, ganguli],
      title: 'Resurrecting the sigmoid in deep learning through dynamical isometry: theory and practice',
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems 30 (NIPS 2017)',
      venueShort: 'NIPS 2017',
      pages: '4785–4795',
      arxiv: '1711.04735',
    },
    {
      key: 'pennington2018',
      type: 'inproceedings',
      authors: [pennington, schoenholz, ganguli],
      title: 'The emergence of spectral universality in deep networks',
      year: 2018,
      venue: 'Proceedings of the Twenty-First International Conference on Artificial Intelligence and Statistics (AISTATS)',
      venueShort: 'AISTATS 2018',
      series: 'Proceedings of Machine Learning Research',
      volume: '84',
      pages: '1924–1932',
      arxiv: '1802.09979',
    },
    {
      key: 'poole2016',
      type: 'inproceedings',
      authors: [
        { family: 'Poole', given: 'Ben' },
        { family: 'Lahiri', given: 'Subhaneil' },
        { family: 'Raghu', given: 'Maithra' },
        sohlDickstein,
        ganguli,
      ],
      title: 'Exponential expressivity in deep neural networks through transient chaos',
      year: 2016,
      venue: 'Advances in Neural Information Processing Systems 29 (NIPS 2016)',
      venueShort: 'NIPS 2016',
      pages: '3360–3368',
      arxiv: '1606.05340',
    },
    {
      key: 'saxe2014',
      type: 'inproceedings',
      authors: [{ family: 'Saxe', given: 'Andrew M.' }, { family: 'McClelland', given: 'James L.' }, ganguli],
      title: 'Exact solutions to the nonlinear dynamics of learning in deep linear neural networks',
      year: 2014,
      venue: 'International Conference on Learning Representations (ICLR)',
      venueShort: 'ICLR 2014',
      arxiv: '1312.6120',
    },
    {
      key: 'schoenholz2017',
      type: 'inproceedings',
      authors: [schoenholz, { family: 'Gilmer', given: 'Justin' }, ganguli, sohlDickstein],
      title: 'Deep information propagation',
      year: 2017,
      venue: 'International Conference on Learning Representations (ICLR)',
      venueShort: 'ICLR 2017',
      arxiv: '1611.01232',
    },
    {
      key: 'summers2021',
      type: 'inproceedings',
      authors: [{ family: 'Summers', given: 'Cecilia' }, { family: 'Dinneen', given: 'Michael J.' }],
      title: 'Nondeterminism and instability in neural network optimization',
      year: 2021,
      venue: 'Proceedings of the 38th International Conference on Machine Learning (ICML)',
      venueShort: 'ICML 2021',
      series: 'Proceedings of Machine Learning Research',
      volume: '139',
      arxiv: '2103.04514',
    },
    {
      key: 'xiao2018',
      type: 'inproceedings',
      authors: [{ family: 'Xiao', given: 'Lechao' }, { family: 'Bahri', given: 'Yasaman' }, sohlDickstein, schoenholz, pennington],
      title:
        'Dynamical isometry and a mean field theory of CNNs: how to train 10,000-layer vanilla convolutional neural networks',
      year: 2018,
      venue: 'Proceedings of the 35th International Conference on Machine Learning (ICML)',
      venueShort: 'ICML 2018',
      series: 'Proceedings of Machine Learning Research',
      volume: '80',
      pages: '5393–5402',
      arxiv: '1806.05393',
    },
    {
      key: 'yang2017',
      type: 'inproceedings',
      authors: [{ family: 'Yang', given: 'Ge' }, schoenholz],
      title: 'Mean field residual networks: on the edge of chaos',
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems 30 (NIPS 2017)',
      venueShort: 'NIPS 2017',
      arxiv: '1712.08969',
    },
  ],
  SOURCE,
);

/** The reference with this key, or undefined. */
export function findReference(key: string): Reference | undefined {
  return bibliography.find((ref) => ref.key === key);
}

/** The reference with this key; throws listing the known keys. */
export function referenceByKey(key: string): Reference {
  const found = findReference(key);
  if (!found) throw new Error(`unknown reference key "${key}"; known: ${bibliography.map((r) => r.key).join(', ')} (${SOURCE})`);
  return found;
}
